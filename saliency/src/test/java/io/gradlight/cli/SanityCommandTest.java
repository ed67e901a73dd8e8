package io.gradlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.Module;
import io.gradlight.nn.data.ShapeClass;
import io.gradlight.nn.train.Checkpoint;
import io.gradlight.nn.zoo.Models;
import io.gradlight.saliency.sanity.SanityCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SanityCommandTest {
  @TempDir Path tmp;
  private Path weights;

  /** An untrained shapesnet saved as a gradlight checkpoint (quick; the verdicts need not hold). */
  @BeforeEach
  void checkpoint() throws IOException {
    Module model = Models.create("shapesnet");
    weights = tmp.resolve("shapesnet.safetensors");
    new Checkpoint("shapesnet", List.of(ShapeClass.names()), "relu", 0, model.stateDict(),
        Map.of()).save(weights);
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void printsAVerdictPerMethodAndWritesTheCsvAndTheStrips() throws IOException {
    Path out = tmp.resolve("out");
    CliRun r = CliRun.of("sanity", "--weights", weights.toString(), "--method",
        "gradient,gradcam", "--count", "2", "--repeats", "1", "--label-epochs", "1",
        "--label-images", "4", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("sanity checks of 2 methods on shapesnet (" + weights
        + "), 2 Shapes images of seed 0\n"), r.out());
    assertTrue(r.out().contains("label randomisation: 1 epochs on 4 images"), r.out());
    assertTrue(r.out().contains("layer groups re-initialised from the top: fc, features.12,"
        + " features.8, features.4, features.0; 1 seeded draw per step"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("gradient: (PASS|FAIL) \\(.*")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("gradcam: (PASS|FAIL) \\(.*")), r.out());
    assertTrue(r.out().contains("method    verdict  spearman  |spearman|"), r.out());
    assertTrue(r.err().contains("sanity checks ["), r.err());

    List<String> csv = Files.readAllLines(out.resolve("sanity.csv"));
    assertEquals(SanityCsv.HEADER, csv.getFirst());
    assertEquals(1 + 2 * (5 + 5 + 1 + 1), csv.size()); // cascade, independent, logit, label
    assertTrue(csv.stream().anyMatch(l -> l.startsWith("gradcam,") && l.contains(",label,label,")),
        String.join("\n", csv));
    assertEquals(List.of("cascade-gradcam-0.png", "cascade-gradcam-1.png",
        "cascade-gradient-0.png", "cascade-gradient-1.png", "sanity.csv"),
        files(out).stream().map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void withoutWeightsItUsesTheShippedShapesNet() throws IOException {
    Path out = tmp.resolve("shipped");
    CliRun r = CliRun.of("sanity", "--method", "gradcam", "--count", "1", "--repeats", "1",
        "--label-epochs", "0", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("sanity checks of 1 method on shapesnet (shipped weights,"
        + " held-out accuracy "), r.out());
    assertTrue(r.out().contains("top only"), r.out());
    assertEquals(1 + 5 + 5 + 1, Files.readAllLines(out.resolve("sanity.csv")).size());
  }

  @Test
  void badArgumentsExitWithTwoAndWriteNothing() throws IOException {
    String out = tmp.resolve("x").toString();
    String w = weights.toString();
    String[][] cases = {
      {"sanity", "--weights", w, "--method", "nope", "--out", out},
      {"sanity", "--weights", w, "--count", "0", "--out", out},
      {"sanity", "--weights", w, "--repeats", "0", "--out", out},
      {"sanity", "--weights", w, "--seed", "1.5", "--out", out},
      {"sanity", "--weights", w, "--label-epochs", "-1", "--out", out},
      {"sanity", "--model", "vgg11", "--out", out},
      {"sanity", "--model", "lenet", "--out", out},
      {"sanity", "--weights", w, "--colormap", "rainbow", "--out", out},
    };
    for (String[] args : cases) {
      CliRun r = CliRun.of(args);
      String shown = String.join(" ", args);
      assertEquals(2, r.code(), shown + ": " + r.err());
      assertTrue(r.err().startsWith("gradlight: "), shown + ": " + r.err());
      assertTrue(r.err().contains("Usage: gradlight sanity"), shown + ": " + r.err());
    }
    assertEquals(List.of(weights), files(tmp));
  }

  @Test
  void badWeightsFailWithOneLine() {
    CliRun missing = CliRun.of("sanity", "--weights", tmp.resolve("none.safetensors").toString());
    assertEquals(1, missing.code());
    assertEquals(1, missing.errLines().length, missing.err());
    assertTrue(missing.err().contains("no such file"), missing.err());
    CliRun other = CliRun.of("sanity", "--model", "resnet18", "--weights", weights.toString());
    assertEquals(1, other.code());
    assertTrue(other.err().contains("the weights are a shapesnet checkpoint, not resnet18"),
        other.err());
  }

  @Test
  void helpNamesTheOptionsAndTheDefaultMethods() {
    CliRun r = CliRun.of("sanity", "--help");
    assertEquals(0, r.code());
    for (String option : List.of("--model", "--weights", "--method", "--count", "--seed",
        "--repeats", "--label-epochs", "--label-images", "--colormap", "--out")) {
      assertTrue(r.out().contains(option), option + " missing from: " + r.out());
    }
    assertTrue(r.out().contains(String.join(",", SanityCommand.PAPER_METHODS)), r.out());
  }
}
