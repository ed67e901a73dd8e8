package io.gradlight.cli;

import io.gradlight.tensor.kernels.KernelProvider;
import io.gradlight.tensor.kernels.Parallel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Properties;

/**
 * The {@code gradlight} command line: {@code gradlight [--debug] <command> [arguments]}.
 *
 * <p>Exit codes: 0 on success; 2 on a usage error (the problem and the usage line on stderr); 1
 * on a failure, with exactly one line {@code gradlight: <problem>} on stderr and no stack trace
 * unless {@code --debug} is given. Commands are listed in {@link Commands}.
 */
public final class Main {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  private static final String GLOBAL_USAGE =
      "Usage: gradlight [--debug] <command> [arguments]   (or: gradlight --help | --version)";

  private Main() {}

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line, printing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> argv = List.of(args);
    int end = argv.indexOf("--") < 0 ? argv.size() : argv.indexOf("--");
    boolean debug = argv.subList(0, end).contains(Options.DEBUG);
    Command command = null;
    try {
      int i = 0;
      for (; i < argv.size() && argv.get(i).startsWith("-"); i++) {
        switch (argv.get(i)) {
          case "--help", "-h" -> {
            out.print(help());
            return OK;
          }
          case "--version" -> {
            out.print(version());
            return OK;
          }
          case Options.DEBUG -> { }
          default -> throw new UsageException("unknown option " + argv.get(i));
        }
      }
      if (i == argv.size()) {
        throw new UsageException("missing command");
      }
      String name = argv.get(i);
      command = Commands.find(name).orElseThrow(() -> new UsageException(
          "unknown command '" + name + "' (commands: " + String.join(", ",
              Commands.ALL.stream().map(Command::name).toList()) + ")"));
      Options options = command.options();
      ParsedArgs parsed = options.parse(argv.subList(i + 1, argv.size()));
      if (parsed.helpRequested()) {
        out.print(options.help());
        return OK;
      }
      int code = command.run(parsed, out, err);
      out.flush();
      return code;
    } catch (UsageException e) {
      err.println("gradlight: " + oneLine(e.getMessage()));
      err.println(command == null ? GLOBAL_USAGE : command.options().usageLine());
      err.println("Run 'gradlight " + (command == null ? "" : command.name() + " ")
          + "--help' for more.");
      return USAGE;
    } catch (Exception | OutOfMemoryError | StackOverflowError e) {
      err.println("gradlight: " + describe(e));
      if (debug) {
        e.printStackTrace(err);
      }
      return FAILURE;
    }
  }

  /** One line saying what went wrong, without the exception class unless it is a bug. */
  static String describe(Throwable e) {
    if (e instanceof UncheckedIOException u) {
      return describe(u.getCause());
    }
    if (e instanceof NoSuchFileException f) {
      return f.getFile() + ": no such file";
    }
    if (e instanceof AccessDeniedException f) {
      return f.getFile() + ": permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getFile() + ": " + oneLine(f.getReason());
    }
    if (e instanceof OutOfMemoryError) {
      return "out of memory; give Java a larger heap, e.g. GRADLIGHT_JAVA_OPTS=-Xmx8g";
    }
    boolean expected = e instanceof CliException || e instanceof IOException
        || e instanceof IllegalArgumentException || e instanceof IllegalStateException
        || e instanceof UnsupportedOperationException;
    if (expected && e.getMessage() != null) {
      return oneLine(e.getMessage());
    }
    return "internal error: " + oneLine(e.toString()) + " (run with --debug for the stack trace)";
  }

  private static String oneLine(String s) {
    return s.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  static String help() {
    TextTable commands = new TextTable();
    for (Command c : Commands.ALL) {
      commands.row("  " + c.name(), c.summary());
    }
    TextTable global = new TextTable()
        .row("  --help, -h", "show this help")
        .row("  --version", "show the version and the kernels in use")
        .row("  --debug", "print the stack trace of a failure");
    return "gradlight: tensors, autodiff, CNNs and saliency maps in pure Java\n\n"
        + GLOBAL_USAGE + "\n\nCommands:\n" + commands.render() + "\nOptions:\n"
        + global.render() + "\nRun 'gradlight <command> --help' for the arguments of a command.\n";
  }

  static String version() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    String v = p.getProperty("version", "unknown");
    if (v.startsWith("${")) {
      v = "unknown (not built by Maven)";
    }
    return "gradlight " + v + "\n"
        + "kernels: " + KernelProvider.description() + "\n"
        + "threads: " + Parallel.threads() + " (set with -Dgradlight.threads=N)\n"
        + "java: " + Runtime.version() + " (" + System.getProperty("java.vendor") + ") on "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "\n";
  }
}
