package io.gradlight.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
  private static final WorkerPool POOL = new WorkerPool(3);

  @Test
  void theCallerAndTheWorkersRunIndicesAtTheSameTime() {
    CountDownLatch allStarted = new CountDownLatch(3);
    boolean[] met = new boolean[3];
    POOL.forEach(3, i -> {
      allStarted.countDown();
      try {
        met[i] = allStarted.await(10, TimeUnit.SECONDS); // needs three threads in the loop
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertTrue(met[0] && met[1] && met[2], "three indices ran at once on three threads");
  }

  @Test
  void anExceptionReachesTheCallerAndThePoolRunsTheNextLoop() {
    IllegalStateException boom = new IllegalStateException("boom");
    var thrown = assertThrows(IllegalStateException.class, () -> POOL.forEach(100, i -> {
      if (i == 7) {
        throw boom;
      }
    }));
    assertSame(boom, thrown, "the task's own exception, not a wrapper");
    AtomicIntegerArray seen = new AtomicIntegerArray(1000);
    POOL.forEach(1000, seen::incrementAndGet);
    for (int i = 0; i < 1000; i++) {
      assertEquals(1, seen.get(i), "index " + i);
    }
  }

  @Test
  void loopsFromTwoOutsideThreadsTakeTurnsAndRunEveryIndexOnce() throws InterruptedException {
    AtomicIntegerArray seen = new AtomicIntegerArray(2 * 5000);
    Thread[] callers = new Thread[2];
    for (int t = 0; t < 2; t++) {
      int base = t * 5000;
      callers[t] = new Thread(() -> {
        for (int loop = 0; loop < 50; loop++) {
          int first = base + loop * 100;
          POOL.forEach(100, i -> seen.incrementAndGet(first + i));
        }
      });
      callers[t].start();
    }
    for (Thread caller : callers) {
      caller.join(60_000);
    }
    for (int i = 0; i < seen.length(); i++) {
      assertEquals(1, seen.get(i), "index " + i);
    }
  }

  @Test
  void aNestedLoopRunsInTheThreadThatStartedIt() {
    AtomicIntegerArray wrongThread = new AtomicIntegerArray(1);
    Parallel.withThreads(3, () -> Parallel.forEach(6, i -> {
      assertTrue(WorkerPool.inLoop());
      Thread outer = Thread.currentThread();
      Parallel.forEach(6, j -> {
        if (Thread.currentThread() != outer) {
          wrongThread.incrementAndGet(0);
        }
      });
    }));
    assertEquals(0, wrongThread.get(0));
    assertTrue(!WorkerPool.inLoop(), "the caller is out of the loop afterwards");
  }

  @Test
  void workersAreDaemonsSoTheyNeverKeepTheJvmAlive() {
    POOL.forEach(2, i -> { });
    long workers = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("gradlight-worker-3-"))
        .peek(t -> assertTrue(t.isDaemon(), t.getName()))
        .count();
    assertTrue(workers >= 2, "two workers beside the caller, found " + workers);
  }
}
