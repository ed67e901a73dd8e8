package io.gradlight.tensor.kernels;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The one shared thread pool of gradlight. {@code -Dgradlight.threads=N} sets its size (default:
 * all available processors); {@link #withThreads} runs one computation with another size, for
 * tests and benchmarks that compare thread counts inside one JVM.
 *
 * <p>Determinism: work is cut into tasks by the <em>problem size</em> alone, never by the thread
 * count, and each task writes its own disjoint outputs. So which thread runs a task never changes
 * a result: outputs are bitwise identical for 1, 2 or 8 threads.
 */
public final class Parallel {
  private Parallel() {}

  /** A task over the half-open index range {@code [from, to)}. */
  @FunctionalInterface
  public interface RangeTask {
    void run(int from, int to);
  }

  private static final int THREADS = readThreads();
  /** One pool per thread count ever asked for; in practice one or two. */
  private static final ConcurrentHashMap<Integer, WorkerPool> POOLS = new ConcurrentHashMap<>();
  /** The thread count set by {@link #withThreads} for the calling thread, or null. */
  private static final ThreadLocal<Integer> OVERRIDE = new ThreadLocal<>();

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
    throw new IllegalArgumentException(
        "-Dgradlight.threads must be a whole number from 1 to 1024, got '" + s + "'");
  }

  /** The number of threads that run tasks started from the calling thread. */
  public static int threads() {
    Integer forced = OVERRIDE.get();
    return forced != null ? forced : THREADS;
  }

  /**
   * Runs {@code body} with {@code threads} threads for every parallel kernel it starts from the
   * calling thread, then restores the previous count, and returns the body's result. Results do not
   * depend on the count (see the class comment); this exists to measure speed and to test that
   * promise, e.g. {@code Parallel.withThreads(1, () -> kernels.sum(x, 0, n))}.
   */
  public static <T> T withThreads(int threads, Supplier<T> body) {
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("thread count must be from 1 to 1024, got " + threads);
    }
    Integer previous = OVERRIDE.get();
    OVERRIDE.set(threads);
    try {
      return body.get();
    } finally {
      if (previous == null) {
        OVERRIDE.remove();
      } else {
        OVERRIDE.set(previous);
      }
    }
  }

  /** {@link #withThreads(int, Supplier)} for a body without a result. */
  public static void withThreads(int threads, Runnable body) {
    withThreads(threads, () -> {
      body.run();
      return null;
    });
  }

  /**
   * Runs {@code task.accept(i)} for every {@code i} in {@code [0, count)}, each exactly once, on
   * the shared pool (the caller takes part), and returns when all are done. Tasks must write
   * disjoint outputs. With one thread or one task, and inside another task (a nested loop), runs
   * in the calling thread in index order.
   */
  public static void forEach(int count, IntConsumer task) {
    if (count <= 0) {
      return;
    }
    if (count == 1 || threads() == 1 || WorkerPool.inLoop()) {
      for (int i = 0; i < count; i++) {
        task.accept(i);
      }
    } else {
      POOLS.computeIfAbsent(threads(), WorkerPool::new).forEach(count, task);
    }
  }

  /**
   * Cuts {@code [0, total)} into consecutive ranges of {@code grain} items (the last may be
   * shorter) and runs {@code task} on each, as {@link #forEach}. The cut depends only on the two
   * sizes, so it is the same for every thread count.
   */
  public static void forRange(int total, int grain, RangeTask task) {
    if (grain < 1) {
      throw new IllegalArgumentException("grain must be at least 1, got " + grain);
    }
    int count = (int) ((total + (long) grain - 1) / grain);
    forEach(count, i -> task.run(i * grain, (int) Math.min(total, (long) (i + 1) * grain)));
  }

  /**
   * The number of chunks of at least {@code minChunk} items to cut {@code total} items into: a
   * function of the sizes only, so the partition is the same on every machine.
   */
  public static int chunks(long total, long minChunk) {
    return (int) Math.max(1, Math.min(64, total / Math.max(1, minChunk)));
  }
}
