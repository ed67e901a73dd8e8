package io.gradlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.train.Checkpoint;
import io.gradlight.nn.zoo.ShapesNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LieCommandTest {
  private static Path checkpoint(Path dir) throws Exception {
    ShapesNet net = new ShapesNet(8, Activation.RELU, 9);
    Path file = dir.resolve("net.safetensors");
    new Checkpoint("shapesnet", List.of(Shapes.classNames()), "relu", 0, net.stateDict(), Map.of())
        .save(file);
    return file;
  }

  @Test
  void reportsLogitsAndDistancesAndWritesThePage(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("lie");
    CliRun run =
        CliRun.of(
            "lie",
            "--weights",
            checkpoint(dir).toString(),
            "--count",
            "1",
            "--rise-masks",
            "2",
            "--size",
            "16",
            "--out",
            out.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("logits in F64: max |z' - z| = "), run.out());
    for (String method : List.of("gradcam", "scorecam", "rise")) {
      assertTrue(run.out().lines().anyMatch(l -> l.startsWith(method + " ")), method);
    }
    assertTrue(Files.isRegularFile(out.resolve("index.html")));
    assertTrue(Files.isRegularFile(out.resolve("target.png")));
    assertTrue(Files.isRegularFile(out.resolve("gradcam_manipulated_0.png")));
  }

  @Test
  void badArgumentsAreUsageErrors(@TempDir Path dir) {
    assertEquals(2, CliRun.of("lie", "--count", "0").code());
    assertEquals(2, CliRun.of("lie", "--size", "60").code());
    assertEquals(2, CliRun.of("lie", "--weight", "-1").code());
    CliRun missing = CliRun.of("lie", "--target", dir.resolve("none.png").toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("none.png"), missing.err());
  }
}
