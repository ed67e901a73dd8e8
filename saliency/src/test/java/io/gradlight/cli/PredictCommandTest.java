package io.gradlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.nn.data.ShapeClass;
import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.image.PngWriter;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.train.Checkpoint;
import io.gradlight.nn.zoo.Models;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.NpyWriter;
import io.gradlight.tensor.io.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
  private static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "f", "g", "h");

  @TempDir Path tmp;
  private Module model;
  private Path checkpoint;
  private Tensor images;

  @BeforeEach
  void writeACheckpointAndImages() throws IOException {
    model = Models.create("shapesnet", NAMES.size(), Activation.RELU, 5);
    checkpoint = tmp.resolve("net.safetensors");
    new Checkpoint("shapesnet", NAMES, "relu", 0, model.stateDict(), Map.of()).save(checkpoint);
    images = Shapes.batch(2, 7).images();
  }

  /** The rows after the header lines: {@code rank class probability}. */
  private static List<String[]> rows(String out) {
    return out.lines().filter(l -> !l.startsWith("image")).map(l -> l.trim().split("\\s+"))
        .toList();
  }

  private CliRun predict(Path input, String... more) {
    List<String> args = new ArrayList<>(
        List.of("predict", "--input", input.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void npyBatchGivesTheTopFiveOfEachImageAsTheModelComputesThem() throws IOException {
    Path npy = tmp.resolve("x.npy");
    NpyWriter.write(npy, images);
    CliRun r = predict(npy, "--weights", checkpoint.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("image 0:\n"), r.out());
    assertTrue(r.out().contains("image 1:\n"), r.out());
    List<String[]> rows = rows(r.out());
    assertEquals(10, rows.size(), r.out());

    model.eval();
    Tensor p = model.forward(Variable.constant(images)).value().softmax(1);
    for (int i = 0; i < 2; i++) {
      int best = p.slice(0, i, i + 1).argmax(1)[0];
      String[] top = rows.get(i * 5);
      assertEquals("1", top[0]);
      assertEquals(NAMES.get(best), top[1]);
      assertEquals(p.get(i, best), Double.parseDouble(top[2]), 1e-4);
      for (int rank = 1; rank < 5; rank++) {
        assertTrue(Double.parseDouble(rows.get(i * 5 + rank)[2])
            <= Double.parseDouble(rows.get(i * 5 + rank - 1)[2]), r.out());
      }
    }
  }

  @Test
  void pngIsDecodedAndPreprocessed() throws IOException {
    Path png = tmp.resolve("x.png");
    PngWriter.writeRgb(images.slice(0, 0, 1).squeeze(0), png);
    CliRun r = predict(png, "--weights", checkpoint.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(5, rows(r.out()).size(), r.out());
    assertTrue(NAMES.contains(rows(r.out()).getFirst()[1]), r.out());
  }

  @Test
  void shippedShapesnetNamesTheShapeInAPng() throws IOException {
    Path png = tmp.resolve("shape.png");
    PngWriter.writeRgb(images.slice(0, 0, 1).squeeze(0), png);
    CliRun r = predict(png, "--model", "shapesnet");
    assertEquals(0, r.code(), r.err());
    String label = ShapeClass.ofLabel(Shapes.batch(2, 7).labels()[0]).displayName();
    assertEquals(label, rows(r.out()).getFirst()[1], r.out());
  }

  /** One line on stderr, nothing on stdout, the given exit code. */
  private static void assertOneLineFailure(CliRun r, int code, String needle) {
    assertEquals(code, r.code(), r.err());
    assertEquals("", r.out());
    if (code == 1) {
      assertEquals(1, r.errLines().length, r.err());
    }
    assertTrue(r.err().startsWith("gradlight: ") && r.err().contains(needle), r.err());
  }

  @Test
  void corruptImageFailsWithOneLine() throws IOException {
    Path png = tmp.resolve("bad.png");
    byte[] bytes = PngWriter.encodeRgb(images.slice(0, 0, 1).squeeze(0));
    Files.write(png, Arrays.copyOf(bytes, bytes.length / 2));
    assertOneLineFailure(predict(png, "--weights", checkpoint.toString()), 1, "bad.png");
    Files.writeString(png, "not an image at all");
    assertOneLineFailure(predict(png, "--weights", checkpoint.toString()), 1, "bad.png");
  }

  @Test
  void weightsOfAnotherArchitectureFailWithOneLine() throws IOException {
    Path plain = tmp.resolve("plain.safetensors");
    SafetensorsWriter.write(plain, model.stateDict().tensors(), Map.of());
    Path npy = tmp.resolve("x.npy");
    NpyWriter.write(npy, images);
    assertOneLineFailure(predict(npy, "--weights", plain.toString(), "--model", "resnet18"), 1,
        "not resnet18 weights");
    assertOneLineFailure(predict(npy, "--weights", checkpoint.toString(), "--model", "vgg11"), 1,
        "shapesnet checkpoint, not vgg11");
    assertOneLineFailure(predict(npy, "--weights", checkpoint.toString(), "--classes", "3"), 1,
        "8 classes, not 3");
  }

  @Test
  void wrongChannelCountFailsWithOneLine() throws IOException {
    Path npy = tmp.resolve("four.npy");
    NpyWriter.write(npy, Tensor.zeros(images.dtype(), 4, 64, 64));
    assertOneLineFailure(predict(npy, "--weights", checkpoint.toString()), 1, "4 channels");
    NpyWriter.write(npy, Tensor.zeros(images.dtype(), 64, 64));
    assertOneLineFailure(predict(npy, "--weights", checkpoint.toString()), 1, "[C, H, W]");
  }

  @Test
  void usageErrors() {
    assertOneLineFailure(CliRun.of("predict"), 2, "missing --input");
    assertOneLineFailure(predict(tmp.resolve("x.npy"), "--model", "vgg11"), 2,
        "no trained weights ship for vgg11");
    assertOneLineFailure(predict(tmp.resolve("x.npy"), "--model", "lenet"), 2, "unknown model");
    assertOneLineFailure(predict(tmp.resolve("missing.npy"), "--weights", checkpoint.toString()),
        1, "no such file");
  }
}
