package io.gradlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.image.ImageDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandTest {
  @TempDir Path tmp;

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

  private static List<Path> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void writesTheDataSetAndASummary() throws IOException {
    Path out = tmp.resolve("shapes");
    Run r = run("dataset", "--out", out.toString(), "--count", "12", "--seed", "5", "--size", "32");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("wrote 12 Shapes images of 32 x 32 pixels (seed 5)"), r.out());
    assertTrue(r.out().contains("circle"), r.out());

    List<String> lines = Files.readAllLines(out.resolve("labels.csv"));
    assertEquals("file,label,mask", lines.getFirst());
    assertEquals(13, lines.size());
    int[] labels = new Shapes(32, false).batch(0, 12, 5).labels();
    for (int i = 0; i < 12; i++) {
      String[] cells = lines.get(i + 1).split(",");
      assertEquals(labels[i], Integer.parseInt(cells[1]), lines.get(i + 1));
      assertEquals(32, ImageDecoder.readHeader(out.resolve(cells[0])).width());
      assertTrue(Files.isRegularFile(out.resolve(cells[2])), cells[2]);
    }
  }

  @Test
  void cleverHansAddsTheCueColumn() throws IOException {
    Path out = tmp.resolve("cheat");
    Run r = run("dataset", "--out=" + out, "--count=2", "--clever-hans");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Clever-Hans cue"), r.out());
    assertEquals("file,label,mask,cue_mask", Files.readAllLines(out.resolve("labels.csv")).get(0));
    assertEquals(64, ImageDecoder.readHeader(out.resolve("images/00000.png")).height());
  }

  @Test
  void badArgumentsExitWithTwoAndWriteNothing() throws IOException {
    String out = tmp.resolve("x").toString();
    String[][] cases = {
      {"dataset", "--count", "3"},
      {"dataset", "--out", out},
      {"dataset", "--out", out, "--count", "0"},
      {"dataset", "--out", out, "--count", "many"},
      {"dataset", "--out", out, "--count", "3", "--size", "8"},
      {"dataset", "--out", out, "--count", "3", "--seed", "1.5"},
      {"dataset", "--out", out, "--count", "3", "--colour", "red"},
      {"dataset", "--out", out, "--count", "3", "extra"},
    };
    for (String[] args : cases) {
      Run r = run(args);
      String shown = String.join(" ", args);
      assertEquals(2, r.code(), shown + ": " + r.err());
      assertTrue(r.err().startsWith("gradlight: "), shown + ": " + r.err());
      assertTrue(r.err().contains("Usage: gradlight dataset"), shown + ": " + r.err());
      assertEquals("", r.out(), shown);
    }
    assertEquals(List.of(), entries(tmp));
  }

  @Test
  void aNonEmptyTargetFailsWithOneLine() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("taken"));
    Files.writeString(out.resolve("mine.txt"), "keep");
    Run r = run("dataset", "--out", out.toString(), "--count", "2");
    assertEquals(1, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("not empty"), r.err());
    assertEquals(List.of(out), entries(tmp));
    assertEquals(List.of(out.resolve("mine.txt")), entries(out));
  }

  @Test
  void helpListsTheOptions() {
    Run r = run("dataset", "--help");
    assertEquals(0, r.code());
    for (String option : List.of("--out", "--count", "--seed", "--size", "--clever-hans")) {
      assertTrue(r.out().contains(option), option + " missing from: " + r.out());
    }
    assertFalse(run("--help").out().isEmpty());
    assertTrue(run("--help").out().contains("dataset"));
  }
}
