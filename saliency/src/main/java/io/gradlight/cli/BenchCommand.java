package io.gradlight.cli;

import io.gradlight.perf.BenchResult;
import io.gradlight.perf.Clock;
import io.gradlight.perf.Suite;
import io.gradlight.perf.Timer;
import io.gradlight.perf.Workload;
import io.gradlight.perf.Workloads;
import io.gradlight.tensor.io.Json;
import io.gradlight.tensor.kernels.KernelProvider;
import io.gradlight.tensor.kernels.Parallel;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code gradlight bench [--json] [--threads N] [--only NAME|PREFIX] [--list] [--runs R]
 * [--clock wall|cpu]}: times the workloads of {@code io.gradlight.perf} in steady state (warm-up,
 * then the median of several runs of elapsed or CPU time; see {@link Timer} and {@link Clock}) and
 * prints one row per workload: name, input shape, median milliseconds, GFLOP/s where the FLOP
 * count is defined, threads. With {@code --json} it prints exactly one JSON array of objects
 * {@code {"name", "median_ms", "best_ms", "gflops", "threads", "shape"}} ({@code gflops} is null where
 * undefined), which {@code scripts/bench_torch.py} reads.
 */
final class BenchCommand implements Command {
  /** The most timed runs per workload accepted. */
  static final int MAX_RUNS = 1000;

  /** Significant digits of the printed figures. */
  static final int DIGITS = 4;

  private static final String JSON = "--json";
  private static final String THREADS = "--threads";
  private static final String ONLY = "--only";
  private static final String LIST = "--list";
  private static final String RUNS = "--runs";
  private static final String CLOCK = "--clock";

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "time kernels, models and saliency methods in steady state";
  }

  @Override
  public Options options() {
    return new Options(name(), "Time the benchmark workloads (kernels, ResNet-18 forward passes,"
        + " saliency methods): warm-up, then the median of several runs, in milliseconds and"
        + " GFLOP/s.")
        .flag(JSON, "print one JSON array of {name, median_ms, best_ms, gflops, threads, shape}")
        .value(THREADS, "N", "kernel threads (default: -Dgradlight.threads, or every processor)",
            null)
        .value(ONLY, "NAME", "a workload, a name prefix (conv2d-forward), a suite ("
            + Suite.CORE.id() + ", " + Suite.SCALING.id() + ") or " + Workloads.ALL_SELECTOR,
            Suite.CORE.id())
        .flag(LIST, "list the selected workloads and their input shapes, run nothing")
        .value(RUNS, "R", "timed runs per workload (at most " + Timer.SLOW_RUNS
            + " for workloads slower than " + Timer.SLOW_CALL_NANOS / 1_000_000_000L + " s)", "5")
        .value(CLOCK, "wall|cpu", "what a run measures: elapsed time, or the process's CPU time"
            + " (with --threads 1, the time on an idle core however loaded the machine is)",
            Clock.WALL.id());
  }

  @Override
  public int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception {
    int threads = args.value(THREADS) == null ? Parallel.threads() : args.intValue(THREADS);
    if (threads < 1 || threads > 1024) {
      throw new UsageException(THREADS + " must be from 1 to 1024, got " + threads);
    }
    int runs = args.intValue(RUNS);
    if (runs < 1 || runs > MAX_RUNS) {
      throw new UsageException(RUNS + " must be from 1 to " + MAX_RUNS + ", got " + runs);
    }
    Clock clock = clock(args.value(CLOCK));
    String only = args.value(ONLY);
    List<Workload> selected = Workloads.select(only);
    if (selected.isEmpty()) {
      throw new UsageException("no workload matches '" + only + "'; 'gradlight " + name()
          + " " + LIST + " " + ONLY + " " + Workloads.ALL_SELECTOR + "' lists them");
    }
    if (args.flag(LIST)) {
      out.print(list(selected));
      return Main.OK;
    }
    List<BenchResult> results = new ArrayList<>();
    try (ProgressBar bar = ProgressBar.start("bench", selected.size(), err)) {
      for (Workload w : selected) {
        results.add(BenchResult.run(w, runs, threads, clock));
        bar.advance(1);
      }
    }
    if (args.flag(JSON)) {
      out.println(json(results));
    } else {
      out.printf(Locale.ROOT,
          "kernels: %s; java %s; %d processors; load average %.2f; clock %s%n",
          KernelProvider.description(), Runtime.version(),
          Runtime.getRuntime().availableProcessors(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), clock.id());
      out.print(table(results));
    }
    return Main.OK;
  }

  private static Clock clock(String id) throws UsageException {
    for (Clock c : Clock.values()) {
      if (c.id().equals(id)) {
        return c;
      }
    }
    throw new UsageException(CLOCK + " must be wall or cpu, got '" + id + "'");
  }

  private static String list(List<Workload> workloads) {
    TextTable t = new TextTable().row("workload", "suites", "input");
    for (Workload w : workloads) {
      t.row(w.name(), w.suites().stream().sorted().map(Suite::id)
          .collect(Collectors.joining(",")), w.shape());
    }
    return t.render();
  }

  static String table(List<BenchResult> results) {
    TextTable t = new TextTable().rightAlign(2, 3, 4, 5)
        .row("workload", "input", "median ms", "best ms", "GFLOP/s", "threads");
    for (BenchResult r : results) {
      t.row(r.workload().name(), r.workload().shape(), significant(r.medianMs()),
          significant(r.bestMs()),
          r.gflops().isPresent() ? significant(r.gflops().getAsDouble()) : "-",
          Integer.toString(r.threads()));
    }
    return t.render();
  }

  /** One JSON array, one object per line, keys in a fixed order. */
  static String json(List<BenchResult> results) {
    List<String> rows = new ArrayList<>();
    for (BenchResult r : results) {
      rows.add(String.format(Locale.ROOT,
          "  {\"name\": %s, \"median_ms\": %s, \"best_ms\": %s, \"gflops\": %s,"
              + " \"threads\": %d, \"shape\": %s}",
          Json.quote(r.workload().name()), significant(r.medianMs()), significant(r.bestMs()),
          r.gflops().isPresent() ? significant(r.gflops().getAsDouble()) : "null",
          r.threads(), Json.quote(r.workload().shape())));
    }
    return rows.isEmpty() ? "[]" : "[\n" + String.join(",\n", rows) + "\n]";
  }

  /** {@code x} rounded to {@value #DIGITS} significant digits, without an exponent. */
  static String significant(double x) {
    return new BigDecimal(x).round(new MathContext(DIGITS)).stripTrailingZeros()
        .toPlainString();
  }
}
