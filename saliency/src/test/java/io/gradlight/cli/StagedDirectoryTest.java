package io.gradlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedDirectoryTest {
  @TempDir Path tmp;

  private List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aCommittedNewDirectoryAppearsWholeAndNothingElseIsLeft() throws IOException {
    Path out = tmp.resolve("a/b/out");
    try (StagedDirectory dir = StagedDirectory.create(out)) {
      Files.writeString(dir.resolve("x.txt"), "x");
      Files.writeString(dir.resolve("y.txt"), "y");
      assertFalse(Files.exists(out), "nothing is visible before the commit");
      dir.commit();
    }
    assertEquals(List.of("x.txt", "y.txt"), names(out));
    assertEquals(List.of("out"), names(tmp.resolve("a/b")));
  }

  @Test
  void committingIntoAnExistingDirectoryReplacesFilesAndKeepsOthers() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("old.txt"), "old");
    Files.writeString(out.resolve("x.txt"), "before");
    try (StagedDirectory dir = StagedDirectory.create(out)) {
      Files.writeString(dir.resolve("x.txt"), "after");
      dir.commit();
    }
    assertEquals(List.of("old.txt", "x.txt"), names(out));
    assertEquals("after", Files.readString(out.resolve("x.txt")));
    assertEquals(List.of("out"), names(tmp));
  }

  @Test
  void closingWithoutACommitLeavesNothing() throws IOException {
    Path out = tmp.resolve("out");
    try (StagedDirectory dir = StagedDirectory.create(out)) {
      Files.writeString(dir.resolve("x.txt"), "x");
    }
    assertEquals(List.of(), names(tmp));
  }

  @Test
  void aFileInTheWayIsAnError() throws IOException {
    Path file = Files.writeString(tmp.resolve("out"), "not a directory");
    assertThrows(FileAlreadyExistsException.class, () -> StagedDirectory.create(file));
  }
}
