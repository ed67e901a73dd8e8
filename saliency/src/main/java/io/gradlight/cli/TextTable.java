package io.gradlight.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text cells printed in aligned columns, two spaces apart. Cells are left-aligned unless
 * their column was marked right-aligned (numbers); trailing spaces are trimmed.
 */
public final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private boolean[] rightAligned = new boolean[0];

  /** Right-aligns the given columns (0-based). */
  public TextTable rightAlign(int... columns) {
    for (int c : columns) {
      if (c >= rightAligned.length) {
        rightAligned = java.util.Arrays.copyOf(rightAligned, c + 1);
      }
      rightAligned[c] = true;
    }
    return this;
  }

  /** Adds a row; rows may have different numbers of cells. */
  public TextTable row(String... cells) {
    rows.add(cells.clone());
    return this;
  }

  /** The table, one line per row, each ending in a newline. */
  public String render() {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int c = 0; c < r.length; c++) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < r.length; c++) {
        String pad = " ".repeat(width[c] - r[c].length());
        boolean right = c < rightAligned.length && rightAligned[c];
        line.append(c == 0 ? "" : "  ").append(right ? pad + r[c] : r[c] + pad);
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }
}
