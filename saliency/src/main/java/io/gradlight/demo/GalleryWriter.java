package io.gradlight.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a {@link Gallery} as one HTML file that needs no network: the style sheet is inlined (the
 * resource {@code gallery.css}), there are no scripts, fonts or remote addresses, and pictures are
 * relative paths to files beside the page. All text is HTML-escaped.
 *
 * <p>The page is also well-formed XML (void elements self-closed), which tests check by parsing it.
 *
 * <p>In tables, cells that read as numbers ({@code 0.93}, {@code -1.2e-5}, {@code 41%}) are
 * right-aligned, and the cells {@code pass} and {@code fail} are coloured.
 */
public final class GalleryWriter {
  /** The page's file name in its directory. */
  public static final String INDEX = "index.html";

  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?( ?%| s| ms)?");

  private static final String CSS = readCss();

  private GalleryWriter() {}

  /** Writes {@code gallery} to {@code dir/index.html} (replaced atomically); returns its path. */
  public static Path write(Gallery gallery, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(INDEX);
    Path tmp = Files.createTempFile(dir, ".index", ".html.tmp");
    try {
      Files.writeString(tmp, html(gallery), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return file;
  }

  /** The page's HTML. */
  public static String html(Gallery gallery) {
    StringBuilder b = new StringBuilder(16_384);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>")
        .append(escape(gallery.title()))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(escape(gallery.title()))
        .append("</h1>\n<p class=\"intro\">")
        .append(escape(gallery.intro()))
        .append("</p>\n<nav>");
    for (Section s : gallery.sections()) {
      b.append("<a href=\"#").append(s.id()).append("\">").append(escape(s.title())).append("</a>");
    }
    b.append("</nav>\n</header>\n<main>\n");
    for (Section s : gallery.sections()) {
      section(b, s);
    }
    return b.append("</main>\n<footer>")
        .append(escape(gallery.footer()))
        .append("</footer>\n</body>\n</html>\n")
        .toString();
  }

  private static void section(StringBuilder b, Section s) {
    b.append("<section id=\"")
        .append(s.id())
        .append("\">\n<h2>")
        .append(escape(s.title()))
        .append("</h2>\n<p class=\"explain\">")
        .append(escape(s.explanation()))
        .append("</p>\n");
    for (Block block : s.blocks()) {
      switch (block) {
        case Block.Figures f -> figures(b, f);
        case Block.Table t -> table(b, t);
        case Block.Note n ->
            b.append("<p class=\"note\">").append(escape(n.text())).append("</p>\n");
      }
    }
    b.append("</section>\n");
  }

  private static void figures(StringBuilder b, Block.Figures f) {
    b.append("<div class=\"scroll\"><table class=\"figures\">\n<thead><tr>");
    for (String c : f.columns()) {
      b.append("<th>").append(escape(c)).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (Block.FigureRow r : f.rows()) {
      b.append("<tr><th scope=\"row\">").append(escape(r.label())).append("</th>");
      for (Block.Picture p : r.cells()) {
        b.append("<td>");
        if (p != null) {
          b.append("<figure><img src=\"")
              .append(escape(p.file()))
              .append("\" alt=\"")
              .append(escape(p.caption().isEmpty() ? p.file() : p.caption()))
              .append("\"/>");
          if (!p.caption().isEmpty()) {
            b.append("<figcaption>").append(escape(p.caption())).append("</figcaption>");
          }
          b.append("</figure>");
        }
        b.append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table></div>\n");
  }

  private static void table(StringBuilder b, Block.Table t) {
    b.append("<div class=\"scroll\"><table class=\"scores\">\n<caption>")
        .append(escape(t.caption()))
        .append("</caption>\n<thead><tr>");
    for (String h : t.header()) {
      b.append("<th>").append(escape(h)).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : t.rows()) {
      b.append("<tr>");
      for (String cell : row) {
        b.append("<td").append(cellClass(cell)).append('>').append(escape(cell)).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table></div>\n");
  }

  private static String cellClass(String cell) {
    if (cell.equals("pass") || cell.equals("fail")) {
      return " class=\"" + cell + "\"";
    }
    return NUMBER.matcher(cell).matches() ? " class=\"num\"" : "";
  }

  /** {@code text} with {@code & < > " '} replaced by entities. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static String readCss() {
    try (InputStream in = GalleryWriter.class.getResourceAsStream("gallery.css")) {
      if (in == null) {
        throw new IllegalStateException("the resource io/gradlight/demo/gallery.css is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
