package io.gradlight.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.saliency.Methods;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.TensorRandom;
import io.gradlight.tensor.io.NpyReader;
import io.gradlight.tensor.io.NpyWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gradlight explain} on small tensors: its files and its usage errors (exit code 2). */
class ExplainCommandTest {
  @TempDir Path tmp;

  private Path tensor(String name, int... dims) throws IOException {
    Path file = tmp.resolve(name);
    NpyWriter.write(file, TensorRandom.uniform(DType.F32, Shape.of(dims), 0, 1,
        new SplittableRandom(dims.length)));
    return file;
  }

  @Test
  void writesMapsPicturesAndLogitsForATensorBatch() throws IOException {
    Path in = tensor("x.npy", 2, 3, 16, 16);
    Path out = tmp.resolve("out");
    CliRun r = CliRun.of("explain", "--input", in.toString(), "--method", "gradient,deconvnet",
        "--class", "2", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("x.npy[1]: predicted class"), r.out());
    assertTrue(r.out().contains("class 2 (logit)"), r.out());
    assertArrayEquals(new int[] {2, 16, 16}, npy(out.resolve("gradient.npy")).shape().dims());
    assertArrayEquals(new int[] {2, 8}, npy(out.resolve("logits.npy")).shape().dims());
    for (String f : new String[] {"gradient_0.png", "gradient_1.png", "deconvnet_1.png"}) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
  }

  @Test
  void rawMapsKeepTheirShapeWithoutTheBatchAxisForOneImage() throws IOException {
    Path in = tensor("x.npy", 3, 12, 12);
    Path out = tmp.resolve("out");
    CliRun r = CliRun.of("explain", in.toString(), "--input", in.toString(), "--method",
        "gradient-x-input", "--raw", "--dtype", "f64", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    // Two files: the positional continues the --input list.
    Tensor raw = npy(out.resolve("gradient-x-input.npy"));
    assertEquals(DType.F32, raw.dtype());
    assertArrayEquals(new int[] {2, 3, 12, 12}, raw.shape().dims());
  }

  @Test
  void unknownMethodLayerOrClassIsAUsageErrorListingTheChoices() throws IOException {
    String in = tensor("x.npy", 3, 16, 16).toString();
    Path out = tmp.resolve("out");
    CliRun method = CliRun.of("explain", "--input", in, "--method", "gradient,nope",
        "--out", out.toString());
    assertEquals(2, method.code());
    assertTrue(method.err().contains("unknown method 'nope'; expected one of "
        + String.join(", ", Methods.ids()) + ", or all"), method.err());
    CliRun layer = CliRun.of("explain", "--input", in, "--layer", "features.99",
        "--out", out.toString());
    assertEquals(2, layer.code());
    assertTrue(layer.err().contains("unknown layer 'features.99'; layers with a spatial output:"
        + " features, features.0,"), layer.err());
    CliRun clazz = CliRun.of("explain", "--input", in, "--class", "8", "--out", out.toString());
    assertEquals(2, clazz.code());
    assertTrue(clazz.err().contains("--class 8 is out of range; the model has 8 classes: 0 to 7,"
        + " or top1"), clazz.err());
    assertEquals(2, CliRun.of("explain", "--out", out.toString()).code(), "no input");
    assertEquals(2, CliRun.of("explain", "--input", in, "--dtype", "f16").code());
    assertEquals(2, CliRun.of("explain", "--input", in, "--score", "loss").code());
    assertFalse(Files.exists(out), "a usage error writes nothing");
  }

  @Test
  void aFailureLeavesNothingHalfWritten() throws IOException {
    Path inf = tmp.resolve("inf.npy");
    NpyWriter.write(inf, Tensor.full(DType.F32, Shape.of(3, 16, 16), Double.POSITIVE_INFINITY));
    Path out = tmp.resolve("out");
    CliRun r = CliRun.of("explain", "--input", inf.toString(), "--method",
        "gradient,gradient-x-input", "--out", out.toString());
    assertEquals(1, r.code(), "infinity times a zero gradient is NaN, which cannot be drawn: "
        + r.out());
    assertTrue(r.err().contains("NaN"), r.err());
    Path other = tensor("b.npy", 3, 8, 8);
    CliRun shapes = CliRun.of("explain", "--input", tensor("a.npy", 3, 16, 16).toString(),
        other.toString(), "--out", out.toString());
    assertEquals(1, shapes.code());
    assertTrue(shapes.err().contains("one image shape"), shapes.err());
    try (var files = Files.list(tmp)) {
      assertEquals(3, files.count(), "only the three inputs remain, no output or staging");
    }
  }

  @Test
  void helpListsTheMethods() {
    CliRun r = CliRun.of("explain", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains(String.join(", ", Methods.ids())), r.out());
  }

  private static Tensor npy(Path file) throws IOException {
    return NpyReader.tensor(file);
  }
}
