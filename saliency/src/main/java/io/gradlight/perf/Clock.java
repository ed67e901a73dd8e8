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
 *       threads, not a latency.
 * </ul>
 */
public enum Clock {
  WALL {
    @Override
    long nanos() {
      return System.nanoTime();
    }
  },
  CPU {
    @Override
    long nanos() {
      return PROCESS.getProcessCpuTime();
    }
  };

  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** The current reading in nanoseconds, from an arbitrary origin. */
  abstract long nanos();

  /** The name on the command line: {@code wall} or {@code cpu}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
