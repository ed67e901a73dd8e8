package io.gradlight.cli;

import java.util.List;
import java.util.Optional;

/** The registry of implemented subcommands, in the order {@code gradlight --help} lists them. */
final class Commands {
  /** Every implemented command; add new ones here. */
  static final List<Command> ALL = List.of(
      new InspectCommand(),
      new DatasetCommand(),
      new LayersCommand(),
      new TrainCommand(),
      new PredictCommand(),
      new ExplainCommand(),
      new EvaluateCommand(),
      new SanityCommand(),
      new LieCommand(),
      new DemoCommand(),
      new BenchCommand());

  private Commands() {}

  /** The command called {@code name}, if there is one. */
  static Optional<Command> find(String name) {
    return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
