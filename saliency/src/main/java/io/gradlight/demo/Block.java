package io.gradlight.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/** One piece of a gallery {@link Section}: a grid of pictures, a table of numbers, or a note. */
public sealed interface Block {

  /**
   * A grid of pictures: a title row ({@code columns}, the first over the row labels), then one row
   * per entry, each with the same number of cells as there are columns after the first.
   */
  record Figures(List<String> columns, List<FigureRow> rows) implements Block {
    public Figures {
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
      if (columns.size() < 2) {
        throw new IllegalArgumentException(
            "a figure grid needs a label column and at least one picture column, got " + columns);
      }
      for (FigureRow r : rows) {
        if (r.cells().size() != columns.size() - 1) {
          throw new IllegalArgumentException(
              "figure row '"
                  + r.label()
                  + "' has "
                  + r.cells().size()
                  + " cells for "
                  + (columns.size() - 1)
                  + " picture columns");
        }
      }
    }
  }

  /** One row of a {@link Figures} grid; a null cell leaves its place empty. */
  record FigureRow(String label, List<Picture> cells) {
    public FigureRow {
      cells = Collections.unmodifiableList(new ArrayList<>(cells));
    }
  }

  /**
   * A picture file beside the page, by a relative path of plain names ({@code maps/gradcam_0.png}:
   * letters, digits, {@code . _ + -} and {@code /} between names, no {@code ..}), so the gallery
   * works from the file system with no network.
   */
  record Picture(String file, String caption) {
    private static final Pattern RELATIVE =
        Pattern.compile("[A-Za-z0-9_+-][A-Za-z0-9._+-]*" + "(/[A-Za-z0-9_+-][A-Za-z0-9._+-]*)*");

    public Picture {
      if (file == null || !RELATIVE.matcher(file).matches() || file.contains("..")) {
        throw new IllegalArgumentException(
            "a gallery picture must be a relative path of plain names, e.g. maps/x.png; got '"
                + file
                + "'");
      }
      caption = caption == null ? "" : caption;
    }
  }

  /**
   * A table with a caption: the header and rows of text cells (cells that read as numbers are
   * right-aligned); every row has as many cells as the header.
   */
  record Table(String caption, List<String> header, List<List<String>> rows) implements Block {
    public Table {
      header = List.copyOf(header);
      rows = rows.stream().map(List::copyOf).toList();
      for (List<String> r : rows) {
        if (r.size() != header.size()) {
          throw new IllegalArgumentException(
              "table '" + caption + "': a row has " + r.size() + " cells for header " + header);
        }
      }
    }
  }

  /** A paragraph of text. */
  record Note(String text) implements Block {}
}
