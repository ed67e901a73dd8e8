package io.gradlight.tensor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gradlight.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The other interop direction: files gradlight writes, read by numpy.
 *
 * <p>This test writes a fixed set of files to {@code target/java_written/} and requires them to
 * equal, byte for byte, the committed {@code fixtures/io/java_written/} files, which {@code
 * scripts/make_io_fixtures.py check-java} verified once with numpy (values, and bytes equal to
 * {@code np.save}'s). So CI covers the direction without Python. When {@code /usr/bin/python3}
 * with numpy is present, the script also checks the freshly written files. The values are exact
 * binary fractions, given by the same formulas in the script.
 */
class JavaWrittenFilesTest {
  private static final Path OUT = Path.of("target", "java_written");
  private static final String PYTHON = "/usr/bin/python3";

  @BeforeAll
  static void writeFiles() throws IOException {
    Files.createDirectories(OUT);
    NpyWriter.write(OUT.resolve("java_f4_2x3.npy"), f32(i -> i * 0.25 - 0.5, 2, 3));
    NpyWriter.write(OUT.resolve("java_f8_1d.npy"), f64(i -> i * 1.5 - 2, 5));
    NpyWriter.write(OUT.resolve("java_f4_0d.npy"), f32(i -> -2.5));
    NpyWriter.write(OUT.resolve("java_f8_2x3x4.npy"), f64(i -> (i - 7) / 8.0, 2, 3, 4));
    NpyWriter.write(OUT.resolve("java_f4_0x3.npy"), f32(i -> 0, 0, 3));
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("b.weight", f32(i -> i * 0.25 - 0.5, 2, 3));
    tensors.put("a.bias", f32(i -> i - 1.0, 3));
    tensors.put("c.double", f64(i -> i / 4.0, 2, 2));
    tensors.put("d.scalar", f64(i -> 7));
    SafetensorsWriter.write(OUT.resolve("java.safetensors"), tensors,
        Map.of("format", "pt", "written_by", "gradlight"));
  }

  @Test
  void filesEqualTheCommittedOnesNumpyChecked() throws IOException {
    for (String name : new String[] {"java_f4_2x3.npy", "java_f8_1d.npy", "java_f4_0d.npy",
        "java_f8_2x3x4.npy", "java_f4_0x3.npy", "java.safetensors"}) {
      assertArrayEquals(Files.readAllBytes(IoFixtures.fixture("java_written/" + name)),
          Files.readAllBytes(OUT.resolve(name)), name + " differs from the numpy-checked copy");
    }
  }

  @Test
  void numpyReadsTheFreshFiles() throws Exception {
    assumeTrue(pythonWithNumpy(), "no " + PYTHON + " with numpy: skipped");
    Process p = new ProcessBuilder(PYTHON, Path.of("..", "scripts", "make_io_fixtures.py")
        .toString(), "check-java", OUT.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
  }

  private static boolean pythonWithNumpy() {
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import numpy").redirectErrorStream(true)
          .start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static Tensor f32(IntToDoubleFunction value, int... dims) {
    Tensor t = f64(value, dims);
    float[] data = new float[t.size()];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) t.f64()[i];
    }
    return Tensor.of(data, dims);
  }

  private static Tensor f64(IntToDoubleFunction value, int... dims) {
    int n = 1;
    for (int d : dims) {
      n *= d;
    }
    double[] data = new double[n];
    for (int i = 0; i < n; i++) {
      data[i] = value.applyAsDouble(i);
    }
    return Tensor.of(data, dims);
  }
}
