package io.gradlight.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GalleryWriterTest {
  private static Gallery sample() {
    Block.Figures grid =
        new Block.Figures(
            List.of("image", "input", "gradcam"),
            List.of(
                new Block.FigureRow(
                    "0: circle",
                    List.of(
                        new Block.Picture("inputs/0.png", "circle"),
                        new Block.Picture("maps/gradcam_0.png", "Grad-CAM <top-1>"))),
                new Block.FigureRow(
                    "1: square", Arrays.asList(new Block.Picture("inputs/1.png", ""), null))));
    Block.Table table =
        new Block.Table(
            "Scores & verdicts",
            List.of("method", "deletion AUC", "verdict"),
            List.of(
                List.of("gradcam", "0.123", "pass"), List.of("guided-backprop", "41%", "fail")));
    return new Gallery(
        "gradlight demo",
        "Every method on \"Shapes\".",
        List.of(
            new Section("methods", "Methods", "One. Two.", List.of(grid, new Block.Note("a < b"))),
            new Section("scores", "Scores", "Three. Four.", List.of(table))),
        "made in 12 s");
  }

  private static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> attributes(Document d, String tag, String attribute) {
    List<String> out = new ArrayList<>();
    NodeList nodes = d.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(((Element) nodes.item(i)).getAttribute(attribute));
    }
    return out;
  }

  @Test
  void pageIsWellFormedSelfContainedAndHasEverySection() throws Exception {
    String html = GalleryWriter.html(sample());
    Document d = parse(html); // throws on unbalanced or unescaped markup
    assertFalse(html.contains("http://") || html.contains("https://"), "no remote address");
    assertEquals(0, d.getElementsByTagName("script").getLength());
    assertEquals(0, d.getElementsByTagName("link").getLength());
    assertEquals(1, d.getElementsByTagName("style").getLength());
    assertEquals(List.of("methods", "scores"), attributes(d, "section", "id"));
    assertEquals(List.of("#methods", "#scores"), attributes(d, "a", "href"));
    assertEquals(
        List.of("inputs/0.png", "maps/gradcam_0.png", "inputs/1.png"), attributes(d, "img", "src"));
  }

  @Test
  void textIsEscapedAndCellsAreClassified() {
    String html = GalleryWriter.html(sample());
    assertTrue(html.contains("Grad-CAM &lt;top-1&gt;"));
    assertTrue(html.contains("Every method on &quot;Shapes&quot;."));
    assertTrue(html.contains("<caption>Scores &amp; verdicts</caption>"));
    assertTrue(html.contains("<td class=\"num\">0.123</td>"));
    assertTrue(html.contains("<td class=\"num\">41%</td>"));
    assertTrue(html.contains("<td class=\"pass\">pass</td>"));
    assertTrue(html.contains("<td>guided-backprop</td>"));
  }

  @Test
  void writeReplacesTheIndexAtomically(@TempDir Path dir) throws Exception {
    Path file = GalleryWriter.write(sample(), dir.resolve("demo"));
    assertEquals(dir.resolve("demo").resolve(GalleryWriter.INDEX), file);
    GalleryWriter.write(sample(), dir.resolve("demo"));
    assertEquals(GalleryWriter.html(sample()), Files.readString(file));
    try (var files = Files.list(dir.resolve("demo"))) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void remoteOrEscapingPicturePathsAndBadStructuresAreRejected() {
    for (String bad : new String[] {"https://x.org/a.png", "/etc/a.png", "../a.png", "a//b.png"}) {
      assertThrows(IllegalArgumentException.class, () -> new Block.Picture(bad, ""), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> new Section("Bad Id", "t", "e", List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Block.Table("t", List.of("a", "b"), List.of(List.of("1"))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Block.Figures(List.of("image", "x"), List.of(new Block.FigureRow("r", List.of()))));
    Section s = new Section("a", "t", "e", List.of());
    assertThrows(IllegalArgumentException.class, () -> new Gallery("t", "i", List.of(s, s), ""));
  }
}
