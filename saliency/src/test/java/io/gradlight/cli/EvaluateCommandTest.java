package io.gradlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.data.ShapeClass;
import io.gradlight.nn.train.Checkpoint;
import io.gradlight.nn.zoo.Models;
import io.gradlight.saliency.metrics.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  /** 8 deletion and insertion steps on 64 x 64 images keep the runs short. */
  private static final String FEW_STEPS = "512";

  @TempDir static Path tmp;
  private static Path weights;

  @BeforeAll
  static void writeUntrainedCheckpoint() throws IOException {
    weights = tmp.resolve("shapesnet.safetensors");
    new Checkpoint("shapesnet", List.of(ShapeClass.names()), "relu", 0,
        Models.create("shapesnet").stateDict(), Map.of()).save(weights);
  }

  @Test
  void scoresMethodsAndTheCentreBaselineOnGeneratedShapes() throws IOException {
    Path out = tmp.resolve("shapes-run");
    CliRun r = CliRun.of("evaluate", "--weights", weights.toString(), "--count", "3",
        "--pixels-per-step", FEW_STEPS, "--method", "gradient,gradient-x-input", "--tolerance",
        "scaled", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("3 Shapes images (seed 0) of 64 x 64"), r.out());
    assertTrue(r.out().contains("512 pixels per step, 9 points"), r.out());
    assertTrue(r.out().contains("deletion AUC \u2193") && r.out().contains("insertion AUC \u2191"),
        r.out());
    assertTrue(r.err().contains("gradient-x-input ["), r.err());

    List<String> summary = Files.readAllLines(out.resolve("metrics.csv"));
    assertEquals(4, summary.size(), String.join("\n", summary));
    List<String> header = List.of(summary.get(0).split(","));
    assertEquals(List.of("method", "layer", "images"), header.subList(0, 3));
    assertEquals(Metric.DELETION.column(), header.get(3));
    assertTrue(summary.get(1).startsWith("gradient,,3,"), summary.get(1));
    assertTrue(summary.get(3).startsWith("centre baseline,,3,"), summary.get(3));
    for (String line : summary.subList(1, 4)) {
      String[] cells = line.split(",");
      double deletion = Double.parseDouble(cells[3]);
      double insertion = Double.parseDouble(cells[4]);
      assertTrue(deletion >= 0 && deletion <= 1 && insertion >= 0 && insertion <= 1, line);
      assertEquals("512", cells[header.indexOf("pixels_per_step")]);
      assertEquals(15 * 64 / 224.0, Double.parseDouble(cells[header.indexOf("tolerance_px")]),
          1e-6);
    }
    List<String> perImage = Files.readAllLines(out.resolve("per_image.csv"));
    assertEquals(1 + 3 * 3, perImage.size());
    assertTrue(perImage.get(1).startsWith("gradient,shapes-0-00000,"), perImage.get(1));
    List<String> curves = Files.readAllLines(out.resolve("curves.csv"));
    assertEquals(1 + 3 * 2 * 9, curves.size()); // 3 rows, 2 curves, 8 steps + 1 points each
    assertEquals("gradient,deletion,0.000000,", curves.get(1).substring(0, 27));
    assertTrue(curves.get(9).startsWith("gradient,deletion,1.000000,"), curves.get(9));
  }

  @Test
  void runsOnAUsersImagesMasksAndLabels() throws IOException {
    Path data = tmp.resolve("data");
    assertEquals(0, CliRun.of("dataset", "--out", data.toString(), "--count", "2", "--seed",
        "4").code());
    Path out = tmp.resolve("user-run");
    CliRun r = CliRun.of("evaluate", "--weights", weights.toString(), "--images",
        data.resolve("images").toString(), "--masks", data.resolve("masks").toString(),
        "--labels", data.resolve("labels.csv").toString(), "--pixels-per-step", FEW_STEPS,
        "--method", "gradient", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("2 images from") && r.out().contains("each image's label"),
        r.out());
    List<String> perImage = Files.readAllLines(out.resolve("per_image.csv"));
    assertTrue(perImage.get(2).startsWith("gradient,00001.png,"), perImage.get(2));
  }

  @Test
  void usageErrorsExitWithTwoAndNameTheProblem() {
    String[][] cases = {
      {"--images", "x", "|--images and --masks go together"},
      {"--labels", "x.csv", "|--labels needs --images and --masks"},
      {"--method", "no-such-method", "|unknown method 'no-such-method'; expected one of gradient"},
      {"--model", "alexnet", "|unknown model 'alexnet'"},
      {"--count", "0", "|--count must be from 1"},
      {"--tolerance", "-3", "|--tolerance must be a positive number of pixels or scaled"},
      {"--pixels-per-step", "0", "|--pixels-per-step must be from 1 to the pixel count 4096"},
      {"--layer", "no.such.layer", "|no.such.layer"},
    };
    for (String[] c : cases) {
      String expected = c[c.length - 1].substring(1);
      List<String> args = new ArrayList<>(List.of("evaluate", "--weights", weights.toString()));
      args.addAll(List.of(c).subList(0, c.length - 1));
      CliRun r = CliRun.of(args.toArray(String[]::new));
      assertEquals(2, r.code(), args + ": " + r.err());
      assertTrue(r.errLines()[0].startsWith("gradlight: ") && r.err().contains(expected),
          args + ": " + r.err());
    }
  }

  @Test
  void missingOrMismatchedDataExitWithOne() throws IOException {
    Path data = tmp.resolve("broken");
    assertEquals(0, CliRun.of("dataset", "--out", data.toString(), "--count", "2").code());
    Files.delete(data.resolve("masks/00001.png"));
    CliRun noMask = CliRun.of("evaluate", "--weights", weights.toString(), "--images",
        data.resolve("images").toString(), "--masks", data.resolve("masks").toString());
    assertEquals(1, noMask.code(), noMask.err());
    assertTrue(noMask.err().contains("no mask for 1 of 2 images (00001.png)"), noMask.err());

    CliRun noDir = CliRun.of("evaluate", "--weights", weights.toString(), "--images",
        tmp.resolve("nowhere").toString(), "--masks", data.resolve("masks").toString());
    assertEquals(1, noDir.code());
    assertEquals(1, noDir.errLines().length, noDir.err());

    CliRun noWeights = CliRun.of("evaluate", "--weights", tmp.resolve("none").toString());
    assertEquals(1, noWeights.code());
    assertTrue(noWeights.err().contains("no such file"), noWeights.err());
  }
}
