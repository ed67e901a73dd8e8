package io.gradlight.nn.image;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An image file that cannot be used: unreadable, not PNG or JPEG, corrupt, truncated, too large, or
 * too slow to decode. The message is one line that names the file and the problem.
 */
public final class BadImageException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An exception whose message is {@code "<file>: <problem>"}. */
  public BadImageException(Path file, String problem) {
    super(file + ": " + problem);
  }

  /** The same, keeping the underlying exception as the cause (for {@code --debug}). */
  public BadImageException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
