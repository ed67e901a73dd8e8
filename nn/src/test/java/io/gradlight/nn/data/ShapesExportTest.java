package io.gradlight.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.image.ImageDecoder;
import io.gradlight.tensor.Tensor;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapesExportTest {
  private static final int SIZE = 32;

  @TempDir Path tmp;

  private static List<Path> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void writesImagesMasksAndAMatchingCsv() throws IOException {
    Shapes shapes = new Shapes(SIZE, false);
    int count = 20;
    List<Integer> progress = new ArrayList<>();
    ShapesExport.Summary summary =
        ShapesExport.write(shapes, count, 7, tmp.resolve("out"), progress::add);
    Path out = tmp.resolve("out");
    assertEquals(count, summary.count());
    assertEquals(count, Arrays.stream(summary.perClass()).sum());
    assertEquals(count, progress.getLast());

    List<String> lines = Files.readAllLines(out.resolve("labels.csv"));
    assertEquals("file,label,mask", lines.getFirst());
    assertEquals(count + 1, lines.size());
    ShapesBatch expected = shapes.batch(0, count, 7);
    for (int i = 0; i < count; i++) {
      String[] cells = lines.get(i + 1).split(",");
      assertEquals(3, cells.length);
      assertEquals(String.format("images/%05d.png", i), cells[0]);
      assertEquals(expected.labels()[i], Integer.parseInt(cells[1]));
      // The PNG holds the image rounded to 8 bits, and the mask exactly.
      float[] image = ImageDecoder.read(out.resolve(cells[0])).f32();
      float[] want = slice(expected.images(), i);
      for (int k = 0; k < want.length; k++) {
        assertEquals(Math.round(want[k] * 255) / 255f, image[k], 1e-6f, cells[0]);
      }
      float[] mask = ImageDecoder.read(out.resolve(cells[2])).f32();
      assertArrayEquals(slice(expected.masks(), i), Arrays.copyOf(mask, SIZE * SIZE), cells[2]);
    }
    assertEquals(List.of(Shapes.classNames()), Files.readAllLines(out.resolve("classes.txt")));
    assertFalse(Files.exists(out.resolve("cues")));
    assertEquals(List.of(out), entries(tmp), "temporary directory left behind");
  }

  @Test
  void cleverHansAddsCueMasks() throws IOException {
    Path out = tmp.resolve("ch");
    ShapesExport.write(new Shapes(SIZE, true), 3, 1, out, done -> {});
    List<String> lines = Files.readAllLines(out.resolve("labels.csv"));
    assertEquals("file,label,mask,cue_mask", lines.getFirst());
    String[] cells = lines.get(2).split(",");
    assertEquals("cues/00001.png", cells[3]);
    float[] cue = ImageDecoder.read(out.resolve(cells[3])).f32();
    float[] want = slice(new Shapes(SIZE, true).batch(0, 3, 1).cueMasks(), 1);
    assertArrayEquals(want, Arrays.copyOf(cue, SIZE * SIZE));
  }

  @Test
  void sameArgumentsGiveTheSameBytes() throws IOException {
    ShapesExport.write(new Shapes(SIZE, false), 5, 3, tmp.resolve("a"), done -> {});
    ShapesExport.write(new Shapes(SIZE, false), 5, 3, tmp.resolve("b"), done -> {});
    for (String file : List.of("labels.csv", "images/00004.png", "masks/00002.png")) {
      assertArrayEquals(
          Files.readAllBytes(tmp.resolve("a").resolve(file)),
          Files.readAllBytes(tmp.resolve("b").resolve(file)),
          file);
    }
  }

  @Test
  void refusesANonEmptyTargetAndLeavesItAlone() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("busy"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    FileAlreadyExistsException e =
        assertThrows(
            FileAlreadyExistsException.class,
            () -> ShapesExport.write(Shapes.standard(), 2, 1, out, done -> {}));
    assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    assertEquals(List.of(out.resolve("keep.txt")), entries(out));
    assertEquals(List.of(out), entries(tmp));
    ShapesExport.write(
        Shapes.standard(), 1, 1, Files.createDirectory(tmp.resolve("empty")), d -> {});
    assertTrue(Files.exists(tmp.resolve("empty/labels.csv")));
  }

  @Test
  void failureMidwayLeavesNoOutput() throws IOException {
    Path out = tmp.resolve("never");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                ShapesExport.write(
                    new Shapes(SIZE, false),
                    200,
                    1,
                    out,
                    done -> {
                      if (done >= 64) {
                        throw new IllegalStateException("interrupted by the test");
                      }
                    }));
    assertEquals("interrupted by the test", e.getMessage());
    assertFalse(Files.exists(out));
    assertEquals(List.of(), entries(tmp));
  }

  @Test
  void rejectsAnEmptyCount() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ShapesExport.write(Shapes.standard(), 0, 1, tmp.resolve("x"), d -> {}));
  }

  private static float[] slice(Tensor stacked, int i) {
    int item = stacked.size() / stacked.dim(0);
    return Arrays.copyOfRange(stacked.f32(), i * item, (i + 1) * item);
  }
}
