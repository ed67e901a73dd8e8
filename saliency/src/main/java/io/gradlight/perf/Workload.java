package io.gradlight.perf;

import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One measured piece of work with a stable name, e.g. {@code resnet18-forward-224-b1}: the input
 * shape it runs on, the suites it belongs to, and a setup that builds its model and inputs
 * (seeded, so every run does the same work) and returns the task to time.
 *
 * <p>Setups are lazy: listing workloads builds nothing. The same names are used by
 * {@code gradlight bench}, the JMH classes of the {@code bench} module and
 * {@code scripts/bench_torch.py}, so their figures can be put side by side.
 *
 * @param name lower-case words joined by {@code -}; unique in {@link Workloads}
 * @param shape the input shape in words, e.g. {@code [1, 3, 224, 224]}
 * @param suites the suites that run it
 * @param setup builds the inputs and returns the task
 */
public record Workload(String name, String shape, Set<Suite> suites, Supplier<Prepared> setup) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public Workload {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("workload name must be lower-case words joined by '-',"
          + " got '" + name + "'");
    }
    if (shape == null || shape.isBlank()) {
      throw new IllegalArgumentException(name + ": the input shape is required");
    }
    if (suites == null || suites.isEmpty()) {
      throw new IllegalArgumentException(name + ": give at least one suite");
    }
    if (setup == null) {
      throw new IllegalArgumentException(name + ": the setup is required");
    }
    suites = Set.copyOf(suites);
  }

  /** A workload of one suite. */
  static Workload of(String name, String shape, Suite suite, Supplier<Prepared> setup) {
    return new Workload(name, shape, EnumSet.of(suite), setup);
  }

  /**
   * A workload ready to run.
   *
   * @param task does the work once and returns its result (so nothing can be optimised away)
   * @param flops the floating-point operations of one run where they are defined (multiply-adds
   *     of GEMM, convolutions and linear layers, times two), else empty
   */
  public record Prepared(Supplier<Object> task, OptionalLong flops) {
    public Prepared {
      if (task == null || flops == null) {
        throw new IllegalArgumentException("a prepared workload needs a task and a FLOP count"
            + " (OptionalLong.empty() where undefined)");
      }
      if (flops.isPresent() && flops.getAsLong() <= 0) {
        throw new IllegalArgumentException("the FLOP count must be positive, got "
            + flops.getAsLong());
      }
    }

    /** A task with a FLOP count. */
    static Prepared withFlops(long flops, Supplier<Object> task) {
      return new Prepared(task, OptionalLong.of(flops));
    }

    /** A task whose FLOP count is not defined (memory-bound kernels, saliency methods). */
    static Prepared withoutFlops(Supplier<Object> task) {
      return new Prepared(task, OptionalLong.empty());
    }
  }

  /** Builds the inputs (on the calling thread's kernel thread count). */
  public Prepared prepare() {
    return setup.get();
  }

  /** Whether {@code suite} runs this workload. */
  public boolean in(Suite suite) {
    return suites.contains(suite);
  }
}
