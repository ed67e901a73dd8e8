package io.gradlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.Module;
import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.train.Checkpoint;
import io.gradlight.nn.zoo.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  @TempDir Path tmp;

  private static List<Path> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  private CliRun tinyRun(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--epochs", "1", "--batch",
        "8", "--train-count", "16", "--held-out", "8", "--seed", "3", "--out", out.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void trainsPrintsEpochsAndHeldOutAccuracyAndWritesALoadableCheckpoint() throws IOException {
    Path file = tmp.resolve("net.safetensors");
    CliRun r = tinyRun(file);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("epoch 1/1  loss "), r.out());
    assertTrue(r.out().contains("held-out accuracy "), r.out());
    assertTrue(r.out().contains("on 8 images of seed 4"), r.out());
    assertTrue(r.out().endsWith("wrote " + file + "\n"), r.out());
    assertTrue(r.err().contains("epoch 1/1 ["), r.err());
    assertEquals(List.of(file), entries(tmp), "no temporary file is left");

    Checkpoint c = Checkpoint.load(file);
    assertEquals("shapesnet", c.model());
    assertEquals(List.of(Shapes.classNames()), c.classNames());
    assertEquals("relu", c.activation());
    assertEquals(1, c.epoch());
    assertTrue(c.extra().containsKey("gradlight.heldout_accuracy"), c.extra().toString());
    Module model = Models.create("shapesnet");
    model.loadStateDict(c.state(), true);
  }

  @Test
  void sameArgumentsGiveTheSameFileBytes() throws IOException {
    Path a = tmp.resolve("a.safetensors");
    Path b = tmp.resolve("b.safetensors");
    assertEquals(0, tinyRun(a, "--optimizer", "adam").code());
    assertEquals(0, tinyRun(b, "--optimizer", "adam").code());
    assertEquals(-1, Files.mismatch(a, b));
  }

  @Test
  void badArgumentsAreUsageErrorsBeforeAnyWork() throws IOException {
    Path file = tmp.resolve("x.safetensors");
    String[][] bad = {
        {"--epochs", "0"}, {"--optimizer", "rmsprop"}, {"--lr", "-1"}, {"--model", "lenet"},
        {"--activation", "swish"}, {"--batch", "32"}, {"--seed", "one"}, {"--held-out", "0"}};
    for (String[] extra : bad) {
      CliRun r = tinyRun(file, extra);
      assertEquals(2, r.code(), String.join(" ", extra) + ": " + r.err());
      assertTrue(r.err().startsWith("gradlight: "), r.err());
    }
    assertFalse(Files.exists(file));
  }

  @Test
  void anUnwritableDestinationFailsWithOneLine() {
    Path file = tmp.resolve("missing-dir").resolve("x.safetensors");
    CliRun r = tinyRun(file);
    assertEquals(1, r.code());
    assertEquals(1, r.errLines().length, r.err());
    assertTrue(r.err().contains("cannot write the checkpoint"), r.err());
  }
}
