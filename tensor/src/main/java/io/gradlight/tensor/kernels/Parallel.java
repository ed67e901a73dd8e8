package io.gradlight.tensor.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * The one shared thread pool of gradlight. {@code -Dgradlight.threads=N} sets its size (default:
 * all available processors).
 *
 * <p>Determinism: work is cut into tasks by the <em>problem size</em> alone, never by the thread
 * count, and each task writes its own disjoint outputs. So which thread runs a task never changes
 * a result: outputs are bitwise identical for 1, 2 or 8 threads.
 */
public final class Parallel {
  private Parallel() {}

  private static final int THREADS = readThreads();
  private static final ForkJoinPool POOL = THREADS > 1 ? new ForkJoinPool(THREADS) : null;

  private static int readThreads() {
    String s = System.getProperty("gradlight.threads");
    if (s == null || s.isBlank()) {
      return Runtime.getRuntime().availableProcessors();
    }
    try {
      int n = Integer.parseInt(s.trim());
      if (n >= 1 && n <= 1024) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("-Dgradlight.threads must be a whole number from 1 to 1024, got '" + s + "'");
  }

  /** The number of threads that run tasks. */
  public static int threads() {
    return THREADS;
  }

  /**
   * Runs {@code task.accept(i)} for every {@code i} in {@code [0, count)}, each exactly once, on the
   * shared pool, and returns when all are done. Tasks must write disjoint outputs. With one thread,
   * or one task, runs in the caller in index order.
   */
  public static void forEach(int count, IntConsumer task) {
    if (count <= 0) {
      return;
    }
    if (POOL == null || count == 1) {
      for (int i = 0; i < count; i++) {
        task.accept(i);
      }
    } else if (ForkJoinTask.getPool() == POOL) {
      new Range(task, 0, count).invoke(); // nested: fork within the worker we are on
    } else {
      POOL.invoke(new Range(task, 0, count));
    }
  }

  /**
   * The number of chunks of at least {@code minChunk} items to cut {@code total} items into: a
   * function of the sizes only, so the partition is the same on every machine.
   */
  public static int chunks(long total, long minChunk) {
    return (int) Math.max(1, Math.min(64, total / Math.max(1, minChunk)));
  }

  private static final class Range extends RecursiveAction {
    private static final long serialVersionUID = 1L;
    private final transient IntConsumer task;
    private final int from;
    private final int to;

    Range(IntConsumer task, int from, int to) {
      this.task = task;
      this.from = from;
      this.to = to;
    }

    @Override
    protected void compute() {
      if (to - from == 1) {
        task.accept(from);
        return;
      }
      int mid = (from + to) >>> 1;
      invokeAll(new Range(task, from, mid), new Range(task, mid, to));
    }
  }
}
