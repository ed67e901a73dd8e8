package io.gradlight.perf;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What a timed run measures.
 *
 * <ul>
 *   <li>{@link #WALL}: elapsed time, what a user waits for;
 *   <li>{@link #CPU}: the CPU time of the whole process (every thread: kernels, garbage
 *       collection, the JIT). With one kernel thread this is the time the work takes on an idle
 *       core, whatever else the machine runs: a fair figure on a shared machine, where other
 *       processes stretch elapsed times several-fold. With more threads it is the sum over
 *       threads, not a latency. The JVM reads it in 10 ms steps (clock ticks), so a timed run by
 *       this clock lasts at least {@value #CPU_MIN_RUN_NANOS} ns, keeping the rounding under 2%.
 * </ul>
 */
public enum Clock {
  WALL(Timer.MIN_RUN_NANOS) {
    @Override
    long nanos() {
      return System.nanoTime();
    }
  },
  CPU(Clock.CPU_MIN_RUN_NANOS) {
    @Override
    long nanos() {
      return PROCESS.getProcessCpuTime();
    }
  };

  /** The shortest timed run by the CPU clock (elapsed time), for its 10 ms resolution. */
  public static final long CPU_MIN_RUN_NANOS = 1_000_000_000L;

  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final long minRunNanos;

  Clock(long minRunNanos) {
    this.minRunNanos = minRunNanos;
  }

  /** The current reading in nanoseconds, from an arbitrary origin. */
  abstract long nanos();

  /** The elapsed time a timed run must at least last for this clock's resolution. */
  long minRunNanos() {
    return minRunNanos;
  }

  /** The name on the command line: {@code wall} or {@code cpu}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
