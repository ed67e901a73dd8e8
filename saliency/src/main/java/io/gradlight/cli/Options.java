package io.gradlight.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments a command takes, and the parser and help text that follow from them.
 *
 * <pre>{@code
 * new Options("explain", "Draw saliency maps for an image")
 *     .positional("IMAGE", "a PNG or JPEG file")
 *     .value("--method", "NAME", "the saliency method", "gradcam")
 *     .repeated("--layer", "NAME", "a target layer (repeat for several)")
 *     .flag("--stats", "print statistics");
 * }</pre>
 *
 * <p>Parsing rules: options may come before, between or after positionals; values follow as the
 * next argument or after {@code =} ({@code --method gradcam}, {@code --method=gradcam}); {@code --}
 * ends the options; {@code --help}/{@code -h} anywhere asks for help; {@code --debug} is accepted
 * by every command. Unknown options, a flag given a value, a missing value, a single-valued option
 * given twice, missing or extra positionals are {@link UsageException}s naming the problem.
 */
public final class Options {
  /** What an option holds. */
  enum Kind {
    FLAG,
    VALUE,
    REPEATED
  }

  /** One declared option. */
  record Option(String name, Kind kind, String valueName, String help, String defaultValue) {}

  /** One declared positional; the last may take any number of values ({@code min} or more). */
  record Positional(String name, String help, int min, boolean many) {}

  static final String HELP = "--help";
  static final String DEBUG = "--debug";

  private final String command;
  private final String description;
  private final Map<String, Option> options = new LinkedHashMap<>();
  private final List<Positional> positionals = new ArrayList<>();

  /** Options of {@code gradlight <command>}, described by one line. */
  public Options(String command, String description) {
    this.command = command;
    this.description = description;
  }

  /** A boolean switch. */
  public Options flag(String name, String help) {
    return add(new Option(name, Kind.FLAG, null, help, null));
  }

  /** An option with one value, or {@code defaultValue} (may be null) when absent. */
  public Options value(String name, String valueName, String help, String defaultValue) {
    return add(new Option(name, Kind.VALUE, valueName, help, defaultValue));
  }

  /** An option that may be given several times, collecting its values in order. */
  public Options repeated(String name, String valueName, String help) {
    return add(new Option(name, Kind.REPEATED, valueName, help, null));
  }

  /** A required positional argument. */
  public Options positional(String name, String help) {
    return addPositional(new Positional(name, help, 1, false));
  }

  /** An optional positional argument; only the last positional may be optional. */
  public Options optionalPositional(String name, String help) {
    return addPositional(new Positional(name, help, 0, false));
  }

  /** The last positional, taking {@code min} or more values. */
  public Options manyPositional(String name, String help, int min) {
    return addPositional(new Positional(name, help, min, true));
  }

  /** Parses a command's arguments (those after its name). */
  public ParsedArgs parse(List<String> args) throws UsageException {
    int end = args.indexOf("--") < 0 ? args.size() : args.indexOf("--");
    if (args.subList(0, end).contains(HELP) || args.subList(0, end).contains("-h")) {
      return ParsedArgs.helpRequested(this);
    }
    Map<String, List<String>> values = new HashMap<>();
    List<String> free = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (optionsEnded || arg.equals("-") || !arg.startsWith("-")) {
        free.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        optionsEnded = true;
        continue;
      }
      if (arg.equals(DEBUG)) {
        continue; // Main has seen it already
      }
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(0, eq) : arg;
      Option option = options.get(name);
      if (option == null) {
        throw new UsageException("unknown option " + name);
      }
      List<String> seen = values.computeIfAbsent(name, k -> new ArrayList<>());
      if (option.kind() == Kind.FLAG) {
        if (eq > 0) {
          throw new UsageException(name + " takes no value");
        }
        seen.add("true");
        continue;
      }
      String value;
      if (eq > 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new UsageException(name + " needs a value " + option.valueName());
      }
      if (option.kind() == Kind.VALUE && !seen.isEmpty()) {
        throw new UsageException(name + " given twice");
      }
      seen.add(value);
    }
    return new ParsedArgs(this, values, assignPositionals(free));
  }

  private Map<String, List<String>> assignPositionals(List<String> free) throws UsageException {
    Map<String, List<String>> result = new HashMap<>();
    int next = 0;
    for (Positional p : positionals) {
      int take = p.many() ? Math.max(0, free.size() - next) : Math.min(1, free.size() - next);
      if (take < p.min()) {
        throw new UsageException("missing " + p.name());
      }
      result.put(p.name(), List.copyOf(free.subList(next, next + take)));
      next += take;
    }
    if (next < free.size()) {
      throw new UsageException("unexpected argument '" + free.get(next) + "'");
    }
    return result;
  }

  /** The declared option {@code name}; IllegalArgumentException for an undeclared one (a bug). */
  Option option(String name) {
    Option o = options.get(name);
    if (o == null) {
      throw new IllegalArgumentException(command + " declares no option " + name);
    }
    return o;
  }

  /** Whether {@code name} is a declared positional. */
  boolean hasPositional(String name) {
    return positionals.stream().anyMatch(p -> p.name().equals(name));
  }

  /** {@code Usage: gradlight inspect FILE [--stats]}. */
  public String usageLine() {
    StringBuilder b = new StringBuilder("Usage: gradlight ").append(command);
    for (Positional p : positionals) {
      String shown = p.many() ? p.name() + "..." : p.name();
      b.append(' ').append(p.min() == 0 ? "[" + shown + "]" : shown);
    }
    for (Option o : options.values()) {
      String shown = o.kind() == Kind.FLAG ? o.name() : o.name() + " " + o.valueName();
      b.append(" [").append(shown).append(o.kind() == Kind.REPEATED ? "]..." : "]");
    }
    return b.toString();
  }

  /** The full help of the command: usage, description, arguments and options. */
  public String help() {
    TextTable args = new TextTable();
    for (Positional p : positionals) {
      args.row("  " + p.name(), p.help());
    }
    TextTable opts = new TextTable();
    for (Option o : options.values()) {
      String shown = o.kind() == Kind.FLAG ? o.name() : o.name() + " " + o.valueName();
      String help = o.help() + (o.defaultValue() != null ? " (default: " + o.defaultValue() + ")"
          : "") + (o.kind() == Kind.REPEATED ? " (repeatable)" : "");
      opts.row("  " + shown, help);
    }
    opts.row("  " + DEBUG, "print the stack trace of a failure");
    opts.row("  " + HELP, "show this help");
    StringBuilder b = new StringBuilder(usageLine()).append("\n\n").append(description)
        .append('\n');
    if (!positionals.isEmpty()) {
      b.append("\nArguments:\n").append(args.render());
    }
    return b.append("\nOptions:\n").append(opts.render()).toString();
  }

  private Options add(Option o) {
    if (!o.name().startsWith("--") || o.name().equals(HELP) || o.name().equals(DEBUG)
        || options.containsKey(o.name())) {
      throw new IllegalArgumentException(command + ": bad or repeated option name " + o.name());
    }
    options.put(o.name(), o);
    return this;
  }

  private Options addPositional(Positional p) {
    if (!positionals.isEmpty()) {
      Positional last = positionals.get(positionals.size() - 1);
      if (last.many() || last.min() == 0) {
        throw new IllegalArgumentException(command + ": positional " + p.name()
            + " cannot follow the optional or repeated " + last.name());
      }
    }
    positionals.add(p);
    return this;
  }
}
