package io.gradlight.tensor.io;

import java.io.IOException;

/**
 * A file is not a valid safetensors or {@code .npy} file, or holds something this library does
 * not read. The message starts with the file name, then names the broken rule and the offending
 * value, for example {@code model.safetensors: header length 4294967295 exceeds the limit of
 * 100000000 bytes}.
 *
 * <p>It is a checked {@link IOException}: every read can fail on a bad file, and callers that
 * already handle I/O failures handle this one too. Readers throw nothing else for bad input (no
 * {@code OutOfMemoryError}, {@code ArithmeticException} or index exception).
 */
public final class FormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** A failure of the file {@code source} (shown as given): {@code "<source>: <problem>"}. */
  public FormatException(String source, String problem) {
    super(source + ": " + problem);
  }
}
