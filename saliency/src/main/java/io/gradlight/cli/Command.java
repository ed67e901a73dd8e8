package io.gradlight.cli;

import java.io.PrintStream;

/**
 * One {@code gradlight} subcommand. To add one, write a class implementing this interface and
 * add an instance to {@link Commands#ALL}; {@link Main} then lists it in the help, parses its
 * options and handles {@code --help}, {@code --debug}, usage errors and failures for it.
 */
public interface Command {
  /** The word typed after {@code gradlight}, e.g. {@code inspect}. */
  String name();

  /** One line for the command list of {@code gradlight --help}. */
  String summary();

  /** The arguments and options the command takes ({@code --help} and {@code --debug} implied). */
  Options options();

  /**
   * Runs the command.
   *
   * @param args the parsed command line
   * @param out results (tables, paths of written files)
   * @param err progress and warnings
   * @return the exit code, 0 on success
   * @throws UsageException when the arguments are inconsistent in a way the parser cannot see
   * @throws Exception any failure; {@link Main} prints its message as one line
   */
  int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception;
}
