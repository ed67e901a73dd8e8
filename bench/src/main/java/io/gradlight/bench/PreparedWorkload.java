package io.gradlight.bench;

import io.gradlight.perf.Workload;
import io.gradlight.perf.Workloads;
import io.gradlight.tensor.kernels.Parallel;
import java.util.function.Supplier;

/**
 * A workload of {@code io.gradlight.perf} (the same names {@code gradlight bench} and
 * {@code scripts/bench_torch.py} use), prepared once per trial and run with a fixed kernel thread
 * count: the body of the thin JMH wrappers in this package.
 */
final class PreparedWorkload {
  private final int threads;
  private final Supplier<Object> task;
  private final double gflop;

  /** Builds the inputs of workload {@code name} with {@code threads} kernel threads. */
  PreparedWorkload(String name, int threads) {
    Workload.Prepared p = Parallel.withThreads(threads, () -> Workloads.find(name).prepare());
    this.threads = threads;
    this.task = p.task();
    this.gflop = p.flops().isPresent() ? p.flops().getAsLong() * 1e-9 : 0;
  }

  /** Runs the workload once and returns its result. */
  Object run() {
    return Parallel.withThreads(threads, task);
  }

  /** The GFLOP of one run, 0 where the workload defines no FLOP count. */
  double gflop() {
    return gflop;
  }
}
