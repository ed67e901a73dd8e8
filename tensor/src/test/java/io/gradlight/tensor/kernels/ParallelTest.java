package io.gradlight.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void emptyAndSingleTaskRunsInTheCaller() {
    Parallel.forEach(0, i -> {
      throw new AssertionError("no task expected");
    });
    Thread caller = Thread.currentThread();
    Parallel.forEach(1, i -> assertEquals(caller, Thread.currentThread()));
  }

  @Test
  void forRangeCoversEveryIndexExactlyOnceInFixedRanges() {
    for (int threads : new int[] {1, 3}) {
      AtomicIntegerArray seen = new AtomicIntegerArray(1001);
      Parallel.withThreads(threads, () -> Parallel.forRange(1001, 100, (from, to) -> {
        assertEquals(0, from % 100, "ranges start on grain boundaries");
        assertTrue(to - from == 100 || to == 1001, "only the last range is short");
        for (int i = from; i < to; i++) {
          seen.incrementAndGet(i);
        }
      }));
      for (int i = 0; i < 1001; i++) {
        assertEquals(1, seen.get(i), "index " + i + " with " + threads + " threads");
      }
    }
  }

  @Test
  void nestedForEachRunsEveryInnerTask() {
    AtomicIntegerArray seen = new AtomicIntegerArray(8 * 8);
    Parallel.withThreads(2, () ->
        Parallel.forEach(8, i -> Parallel.forEach(8, j -> seen.incrementAndGet(i * 8 + j))));
    for (int i = 0; i < 64; i++) {
      assertEquals(1, seen.get(i));
    }
  }

  @Test
  void withThreadsSetsAndRestoresTheCount() {
    int before = Parallel.threads();
    int inside = Parallel.withThreads(3, () -> Parallel.withThreads(1, Parallel::threads) * 10
        + Parallel.threads());
    assertEquals(13, inside);
    assertEquals(before, Parallel.threads());
    assertThrows(IllegalStateException.class, () -> Parallel.withThreads(2, () -> {
      throw new IllegalStateException("boom");
    }));
    assertEquals(before, Parallel.threads());
  }

  @Test
  void badArgumentsAreRejectedWithTheValue() {
    var e = assertThrows(IllegalArgumentException.class, () -> Parallel.withThreads(0, () -> { }));
    assertTrue(e.getMessage().contains("0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Parallel.forRange(10, 0, (a, b) -> { }));
    assertEquals(1, Parallel.chunks(10, 100));
    assertEquals(64, Parallel.chunks(1_000_000, 1));
  }
}
