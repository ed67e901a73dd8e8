package io.gradlight.cli;

/**
 * A command failed for a reason the user can act on (a missing file, a file that is not a
 * tensor file). {@link Main} prints {@code gradlight: <message>} as one line on stderr and exits
 * with code 1; the stack trace only with {@code --debug}.
 */
public final class CliException extends Exception {
  private static final long serialVersionUID = 1L;

  /** {@code problem} is one line naming what failed and why. */
  public CliException(String problem) {
    super(problem);
  }

  /** Keeps {@code cause} for {@code --debug}. */
  public CliException(String problem, Throwable cause) {
    super(problem, cause);
  }
}
