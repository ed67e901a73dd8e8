package io.gradlight.cli;

/**
 * The command line is wrong: an unknown command or option, a missing or malformed value. {@link
 * Main} prints the message and the usage line on stderr and exits with code 2.
 */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  /** {@code problem} is one line, e.g. {@code unknown option --sats}. */
  public UsageException(String problem) {
    super(problem);
  }
}
