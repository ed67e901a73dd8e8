package io.gradlight.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.NpyWriter;
import io.gradlight.tensor.io.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
  /** Written by scripts/make_io_fixtures.py from torch tensors (F16, BF16, I64, U8, BOOL...). */
  private static final Path MODEL =
      Path.of("..", "tensor", "src", "test", "resources", "fixtures", "io", "safetensors",
          "model.safetensors");

  @TempDir Path dir;

  @Test
  void listsSafetensorsInAnAlignedTable() throws IOException {
    Path p = dir.resolve("m.safetensors");
    SafetensorsWriter.write(p, Map.of(
        "conv.weight", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 1, 3, 1),
        "fc.bias", Tensor.of(new double[] {0.5, -1}, 2)), Map.of("format", "pt"));
    CliRun r = CliRun.of("inspect", p.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertEquals(p + ": safetensors, 2 tensors, " + Files.size(p) + " bytes\n"
        + "metadata:\n"
        + "  format  pt\n"
        + "\n"
        + "name         dtype  shape         bytes\n"
        + "fc.bias      F64    [2]              16\n"
        + "conv.weight  F32    [2, 1, 3, 1]     24\n", r.out());
  }

  @Test
  void statsAddMinMaxMeanAndNonFiniteCounts() {
    CliRun r = CliRun.of("inspect", MODEL.toString(), "--stats");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals(MODEL + ": safetensors, 10 tensors, 1321 bytes", lines[0]);
    assertTrue(lines[5].matches("name +dtype +shape +bytes +min +max +mean +nan +inf"), lines[5]);
    assertArrayEquals(new String[] {"bn.num_batches_tracked", "I64", "[]", "8",
        "1234567890123", "1234567890123", "1234567890123", "0", "0"}, row(r, "bn."
            + "num_batches_tracked"));
    // half = [0.5, -2, 65504, 6.1e-05, inf] as float16.
    assertArrayEquals(new String[] {"half", "F16", "[5]", "10", "-2", "65504", "16375.6", "0",
        "1"}, row(r, "half"));
    assertArrayEquals(new String[] {"mask", "BOOL", "[3]", "3", "0", "1", "0.666667", "0", "0"},
        row(r, "mask"));
    assertArrayEquals(new String[] {"pixels", "U8", "[2, 2]", "4", "0", "255", "96", "0", "0"},
        row(r, "pixels"));
  }

  @Test
  void listsNpyFiles() throws IOException {
    Path p = dir.resolve("map.npy");
    NpyWriter.write(p, Tensor.of(new float[] {1, Float.NaN, 3, 4}, 2, 2));
    CliRun r = CliRun.of("inspect", p.toString(), "--stats");
    assertEquals(0, r.code(), r.err());
    assertEquals(p + ": npy version 1.0, 144 bytes\n\n"
        + "name     dtype  shape   bytes  min  max     mean  nan  inf\n"
        + "map.npy  <f4    [2, 2]     16    1    4  2.66667    1    0\n", r.out());
  }

  @Test
  void missingFileFailsWithOneLine() {
    assertFails(dir.resolve("nope.safetensors").toString(), "no such file");
  }

  @Test
  void directoryFailsWithOneLine() {
    assertFails(dir.toString(), "is a directory, not a .safetensors or .npy file");
  }

  @Test
  void truncatedSafetensorsFailsWithOneLine() throws IOException {
    byte[] whole = Files.readAllBytes(MODEL);
    Path cut = Files.write(dir.resolve("cut.safetensors"), Arrays.copyOf(whole, whole.length - 10));
    assertFails(cut.toString(), "offsets out of bounds");
    Path stub = Files.write(dir.resolve("stub.safetensors"), new byte[] {1, 2, 3});
    assertFails(stub.toString(), "file is 3 bytes, shorter than the 8-byte header length");
  }

  @Test
  void malformedFilesFailWithOneLine() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello, world");
    assertFails(text.toString(), "header length");
    Path json = Files.write(dir.resolve("bad.safetensors"), new byte[] {
        2, 0, 0, 0, 0, 0, 0, 0, '{', '{'});
    assertFails(json.toString(), "header is not valid JSON");
  }

  @Test
  void truncatedOrForeignNpyFailsWithOneLine() throws IOException {
    Path p = dir.resolve("t.npy");
    NpyWriter.write(p, Tensor.of(new double[] {1, 2, 3}, 3));
    byte[] whole = Files.readAllBytes(p);
    Files.write(p, Arrays.copyOf(whole, whole.length - 8));
    assertFails(p.toString(), "truncated: shape [3] of '<f8' needs 24 data bytes, the file has"
        + " 16");
    Path zip = Files.write(dir.resolve("z.npy"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0});
    assertFails(zip.toString(), "not a .npy file");
  }

  private static String[] row(CliRun r, String name) {
    return Arrays.stream(r.out().split("\n")).filter(l -> l.startsWith(name + " ")).findFirst()
        .orElseThrow().trim().split(" {2,}");
  }

  private static void assertFails(String file, String problem) {
    CliRun r = CliRun.of("inspect", file, "--stats");
    assertEquals(1, r.code(), r.out() + r.err());
    assertEquals("", r.out());
    String[] lines = r.errLines();
    assertEquals(1, lines.length, r.err());
    assertTrue(lines[0].startsWith("gradlight: " + file + ": "), lines[0]);
    assertTrue(lines[0].contains(problem), lines[0] + "\nlacks " + problem);
  }
}
