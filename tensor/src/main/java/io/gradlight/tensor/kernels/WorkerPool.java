package io.gradlight.tensor.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads for parallel loops, in the OpenMP style: the calling thread and {@code
 * threads - 1} daemon workers claim the loop's indices one at a time from a shared counter, and
 * between loops the workers spin for {@value #SPIN_NANOS} ns before they park.
 *
 * <p>Why not a {@link java.util.concurrent.ForkJoinPool}: a forward pass of ResNet-18 runs about a
 * hundred short parallel loops. A fork-join pool parks its idle workers and blocks the caller,
 * and each loop paid 25 to 40 us to wake them (measured here: two halves of 10 us of work took
 * 34 to 52 us in parallel). On a virtual machine a parked worker also gives its core back to the
 * host, and getting it back took far longer whenever the host was busy. Spinning between loops
 * keeps the team's cores, as OpenMP's runtime does for PyTorch.
 *
 * <p>Which thread runs an index never changes a result: the indices write disjoint outputs (see
 * {@link Parallel}). A loop started from inside a loop's index (nested) runs in that thread, in
 * order. Loops from several outside threads take turns.
 */
final class WorkerPool {
  /**
   * How long an idle worker (or a caller waiting for the last index) spins before it parks: longer
   * than the serial gaps between the loops of a forward pass (allocating and zeroing an output
   * takes up to a few hundred us), short enough that an idle program costs nothing for long.
   */
  static final long SPIN_NANOS = 2_000_000L;
  /**
   * With more threads than processors, a spinning thread would take the core from the one that
   * holds the work: then nobody spins (as OpenMP's runtimes do when oversubscribed).
   */
  private final long spinNanos;

  /** The thread (caller or worker) currently running an index of some pool's loop, if any. */
  private static final ThreadLocal<Boolean> IN_LOOP = ThreadLocal.withInitial(() -> false);

  private final int threads;
  private final Thread[] workers;
  /** The latest loop; workers run each loop they see here once. */
  private volatile Loop current;
  /** One loop at a time: a second outside caller waits for its turn. */
  private final ReentrantLock turn = new ReentrantLock();

  WorkerPool(int threads) {
    this.threads = threads;
    this.spinNanos = threads <= Runtime.getRuntime().availableProcessors() ? SPIN_NANOS : 0;
    this.workers = new Thread[threads - 1];
    for (int w = 0; w < workers.length; w++) {
      workers[w] = Thread.ofPlatform().daemon().name("gradlight-worker-" + threads + "-" + w)
          .start(this::work);
    }
  }

  /** The number of threads that run a loop, the caller included. */
  int threads() {
    return threads;
  }

  /** True while the calling thread runs an index of a loop (a nested loop then runs inline). */
  static boolean inLoop() {
    return IN_LOOP.get();
  }

  /**
   * Runs {@code task.accept(i)} for every {@code i} in {@code [0, count)} exactly once, on the
   * caller and the workers, and returns when all are done. The first exception an index throws is
   * rethrown here, after every index that started has finished; indices not yet started are
   * skipped.
   */
  void forEach(int count, IntConsumer task) {
    Loop loop = new Loop(count, task, Thread.currentThread());
    turn.lock();
    try {
      current = loop;
      for (Thread worker : workers) {
        LockSupport.unpark(worker); // costs little when the worker is spinning
      }
      loop.run();
      loop.awaitDone(spinNanos);
    } finally {
      turn.unlock();
    }
    loop.rethrow();
  }

  /** A worker's life: run every new loop, spinning between loops, parking when idle long. */
  private void work() {
    Loop seen = null;
    while (true) {
      Loop loop = current;
      long idleSince = System.nanoTime();
      while (loop == seen) {
        if (System.nanoTime() - idleSince < spinNanos) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this); // unparked by the next loop
        }
        loop = current;
      }
      seen = loop;
      loop.run();
    }
  }

  /** One parallel loop: the next index to claim, the indices not yet finished, the first error. */
  private static final class Loop {
    private final int count;
    private final IntConsumer task;
    private final Thread caller;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger unfinished;
    private final AtomicReference<Throwable> error = new AtomicReference<>();

    Loop(int count, IntConsumer task, Thread caller) {
      this.count = count;
      this.task = task;
      this.caller = caller;
      this.unfinished = new AtomicInteger(count);
    }

    /** Claims and runs indices until none are left. */
    void run() {
      int done = 0;
      IN_LOOP.set(true);
      try {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          if (error.get() == null) {
            try {
              task.accept(i);
            } catch (Throwable t) {
              error.compareAndSet(null, t);
            }
          }
          done++;
        }
      } finally {
        IN_LOOP.set(false);
      }
      if (done > 0 && unfinished.addAndGet(-done) == 0 && Thread.currentThread() != caller) {
        LockSupport.unpark(caller);
      }
    }

    /** Spins for up to {@code spinNanos}, then parks, until every index has finished. */
    void awaitDone(long spinNanos) {
      long start = System.nanoTime();
      while (unfinished.get() > 0) {
        if (System.nanoTime() - start < spinNanos) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this); // unparked by the last index to finish
        }
      }
    }

    void rethrow() {
      Throwable t = error.get();
      if (t instanceof RuntimeException e) {
        throw e;
      }
      if (t instanceof Error e) {
        throw e;
      }
      if (t != null) {
        throw new IllegalStateException("a parallel task failed: " + t, t);
      }
    }
  }
}
