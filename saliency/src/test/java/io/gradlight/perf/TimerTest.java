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
      spin(2_000_000); // a 2 ms task
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
  void keepsWarmingUpWhileTheTaskGetsFaster() {
    // a call takes 12 ms at first and 4 ms less each second, down to 2 ms after 2.5 s: the
    // first windows keep getting faster, so the timed runs must come after it settles
    long start = System.nanoTime();
    Timer.Timing t = Timer.measure(() -> {
      double elapsedSeconds = (System.nanoTime() - start) / 1e9;
      spin((long) (Math.max(2, 12 - 4 * elapsedSeconds) * 1e6));
      return 0;
    }, 3, Clock.WALL);
    assertTrue(t.medianMs() < 3, "timed before the task settled: median " + t.medianMs());
  }

  private static void spin(long nanos) {
    long until = System.nanoTime() + nanos;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
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
