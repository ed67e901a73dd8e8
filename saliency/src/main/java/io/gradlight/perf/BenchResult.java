package io.gradlight.perf;

import io.gradlight.tensor.kernels.Parallel;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One workload's steady-state figure: the median time of one call on {@code threads} threads
 * and, where its FLOP count is defined, the throughput {@code GFLOP/s = flops / median / 1e9}.
 *
 * @param workload what ran
 * @param threads the kernel thread count
 * @param timing the median and how it was taken
 * @param flops the FLOP count of one call, if defined
 */
public record BenchResult(Workload workload, int threads, Timer.Timing timing, OptionalLong flops) {

  /**
   * Prepares {@code workload} and times {@code runs} runs of it with {@code threads} threads by
   * {@code clock}.
   */
  public static BenchResult run(Workload workload, int runs, int threads, Clock clock) {
    return Parallel.withThreads(threads, () -> {
      System.gc(); // the previous workload's garbage is not this one's cost
      Workload.Prepared prepared = workload.prepare();
      return new BenchResult(workload, threads, Timer.measure(prepared.task(), runs, clock),
          prepared.flops());
    });
  }

  /** The median time of one call in milliseconds. */
  public double medianMs() {
    return timing.medianMs();
  }

  /** The time of one call in the fastest run, in milliseconds. */
  public double bestMs() {
    return timing.bestMs();
  }

  /** GFLOP/s at the median time, where the FLOP count is defined. */
  public OptionalDouble gflops() {
    return flops.isPresent()
        ? OptionalDouble.of(flops.getAsLong() / (timing.medianMs() * 1e6))
        : OptionalDouble.empty();
  }
}
