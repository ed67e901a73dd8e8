package io.gradlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gradlight layers} end to end through {@link Main#run}. */
class LayersCommandTest {

  /** The exit code and what went to stdout and stderr. */
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void listsShapesNetByDefault() {
    Run r = run("layers");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(
        lines.get(0).startsWith("shapesnet (relu, 8 classes): input [1, 3, 64, 64]"), lines.get(0));
    assertTrue(
        lines.stream().anyMatch(l -> l.matches("features\\.14 +ReLU\\(\\) +\\[1, 128, 8, 8\\] +0")),
        r.out());
    assertTrue(
        lines
            .getLast()
            .matches(
                "fc +Linear\\(in_features=128, out_features=8, bias=True\\)"
                    + " +\\[1, 8\\] +1,032"),
        lines.getLast());
  }

  @Test
  void takesClassesActivationAndSize() {
    Run r =
        run(
            "layers",
            "--model",
            "resnet18",
            "--classes",
            "10",
            "--activation",
            "gelu",
            "--size",
            "64");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out()
            .contains(
                "resnet18 (gelu, 10 classes): input [1, 3, 64, 64], 11,181,642" + " parameters"),
        r.out());
    assertTrue(
        r.out().lines().anyMatch(l -> l.matches("layer4 +Sequential.* +\\[1, 512, 2, 2\\] +0")),
        r.out());
    assertTrue(
        r.out().lines().anyMatch(l -> l.startsWith("layer1.0.relu ") && l.contains("GELU()")),
        r.out());
  }

  @Test
  void anUnknownModelIsAUsageErrorListingTheModels() {
    Run r = run("layers", "--model", "resnet50");
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertTrue(
        r.err()
            .startsWith(
                "gradlight: unknown model 'resnet50'; expected one of shapesnet,"
                    + " vgg11, vgg16, resnet18, resnet34\n"),
        r.err());
  }

  @Test
  void badOptionValuesAreUsageErrors() {
    assertEquals(2, run("layers", "--activation", "swish").code());
    assertEquals(2, run("layers", "--size", "0").code());
    assertEquals(2, run("layers", "--classes", "-3").code());
    assertEquals(2, run("layers", "--classes", "many").code());
  }
}
