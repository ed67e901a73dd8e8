package io.gradlight.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimerTest {
  @Test
  void medianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
    assertEquals(3, Timer.median(new double[] {9, 1, 3}));
    assertEquals(2.5, Timer.median(new double[] {4, 1, 2, 3}));
    assertEquals(7, Timer.median(new double[] {7}));
    assertThrows(IllegalArgumentException.class, () -> Timer.median(new double[0]));
  }

  @Test
  void warmsUpThenTimesEachRunOverEnoughRepetitions() {
    AtomicLong calls = new AtomicLong();
    long start = System.nanoTime();
    Timer.Timing t = Timer.measure(() -> {
      calls.incrementAndGet();
      long until = System.nanoTime() + 2_000_000; // a 2 ms task
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      return calls;
    }, 3, Clock.WALL);
    long elapsed = System.nanoTime() - start;
    assertEquals(3, t.runs());
    assertTrue(t.repetitions() > 1 && t.repetitions() <= 25, "repetitions " + t.repetitions());
    assertTrue(elapsed >= Timer.WARMUP_NANOS + 3 * Timer.MIN_RUN_NANOS / 2, "elapsed " + elapsed);
    assertTrue(calls.get() > 3L * t.repetitions(), "the warm-up calls the task too");
    assertTrue(t.medianMs() >= 2, "median " + t.medianMs());
    assertTrue(t.bestMs() >= 2 && t.bestMs() <= t.medianMs(), "best " + t.bestMs());
  }

  @Test
  void theCpuClockDoesNotCountTimeSpentAsleep() {
    Timer.Timing t = Timer.measure(() -> {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 0;
    }, 1, Clock.CPU);
    assertEquals(Clock.CPU, t.clock());
    assertTrue(t.medianMs() < 10, "a sleeping thread burns no CPU, got " + t.medianMs() + " ms");
  }

  @Test
  void needsAtLeastOneRun() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Timer.measure(() -> 0, 0, Clock.WALL));
    assertTrue(e.getMessage().contains("got 0"), e.getMessage());
  }
}
