package io.gradlight.cli;

import java.util.List;
import java.util.Map;

/**
 * A parsed command line: option values and positionals by name. Asking for a name the command
 * did not declare is a programming error (IllegalArgumentException); a value of the wrong form is
 * a {@link UsageException} naming the option and the value.
 */
public final class ParsedArgs {
  private final Options spec;
  private final Map<String, List<String>> options;
  private final Map<String, List<String>> positionals;
  private final boolean helpRequested;

  ParsedArgs(Options spec, Map<String, List<String>> options,
      Map<String, List<String>> positionals) {
    this(spec, options, positionals, false);
  }

  private ParsedArgs(Options spec, Map<String, List<String>> options,
      Map<String, List<String>> positionals, boolean helpRequested) {
    this.spec = spec;
    this.options = Map.copyOf(options);
    this.positionals = Map.copyOf(positionals);
    this.helpRequested = helpRequested;
  }

  static ParsedArgs helpRequested(Options spec) {
    return new ParsedArgs(spec, Map.of(), Map.of(), true);
  }

  /** Whether {@code --help} or {@code -h} was given (then nothing else was checked). */
  public boolean helpRequested() {
    return helpRequested;
  }

  /** Whether the flag was given. */
  public boolean flag(String name) {
    checkKind(name, Options.Kind.FLAG);
    return options.containsKey(name);
  }

  /** The option's value, its default when absent, or null when it has no default. */
  public String value(String name) {
    Options.Option o = checkKind(name, Options.Kind.VALUE);
    List<String> v = options.get(name);
    return v == null ? o.defaultValue() : v.get(0);
  }

  /** The option's value as an int, or its default. */
  public int intValue(String name) throws UsageException {
    String v = value(name);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " expects an integer, got '" + v + "'");
    }
  }

  /** The option's value as a long, or its default. */
  public long longValue(String name) throws UsageException {
    String v = value(name);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " expects an integer, got '" + v + "'");
    }
  }

  /** The option's value as a finite double, or its default. */
  public double doubleValue(String name) throws UsageException {
    String v = value(name);
    try {
      double d = Double.parseDouble(v);
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(name + " expects a number, got '" + v + "'");
  }

  /** All values of a repeatable option, in order; empty when absent. */
  public List<String> values(String name) {
    checkKind(name, Options.Kind.REPEATED);
    return options.getOrDefault(name, List.of());
  }

  /** The value of a single positional, or null for an absent optional one. */
  public String positional(String name) {
    List<String> v = positionals(name);
    return v.isEmpty() ? null : v.get(0);
  }

  /** The values of a positional (one, or several for the last, repeated one). */
  public List<String> positionals(String name) {
    if (!spec.hasPositional(name)) {
      throw new IllegalArgumentException("no positional " + name + " declared");
    }
    return positionals.getOrDefault(name, List.of());
  }

  private Options.Option checkKind(String name, Options.Kind kind) {
    Options.Option o = spec.option(name);
    if (o.kind() != kind) {
      throw new IllegalArgumentException(name + " is a " + o.kind() + " option, not " + kind);
    }
    return o;
  }
}
