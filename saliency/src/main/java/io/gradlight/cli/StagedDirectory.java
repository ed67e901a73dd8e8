package io.gradlight.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An output directory written completely or not at all: files are written into a hidden
 * temporary sibling ({@code .NAME.tmp-*}) and {@link #commit} moves them into place. A new
 * directory is moved in one rename; into an existing directory each file is moved with a
 * replacing rename, so every file is either the old or the new one, never half-written, and
 * files of earlier runs that this run does not write stay. {@link #close} without a commit
 * deletes the temporary directory, so a failed run leaves nothing behind.
 */
final class StagedDirectory implements AutoCloseable {
  private final Path target;
  private final Path staging;
  private boolean committed;

  private StagedDirectory(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  /** Stages files for {@code target}, a directory that may exist (then it must be one). */
  static StagedDirectory create(Path target) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new FileAlreadyExistsException(absolute.toString(), null,
          "exists and is not a directory");
    }
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".tmp-");
    return new StagedDirectory(absolute, staging);
  }

  /** The staged path of the output file {@code name}. */
  Path resolve(String name) {
    return staging.resolve(name);
  }

  /** The final directory. */
  Path target() {
    return target;
  }

  /** Moves the staged files into the target directory. */
  void commit() throws IOException {
    if (!Files.exists(target)) {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } else {
      List<Path> files;
      try (Stream<Path> s = Files.list(staging)) {
        files = s.sorted().toList();
      }
      for (Path f : files) {
        Files.move(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
      Files.delete(staging);
    }
    committed = true;
  }

  /** Deletes what is left of the staging directory. */
  @Override
  public void close() throws IOException {
    if (committed || !Files.exists(staging)) {
      return;
    }
    try (Stream<Path> s = Files.walk(staging)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
