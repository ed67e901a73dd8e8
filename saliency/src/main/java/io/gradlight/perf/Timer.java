package io.gradlight.perf;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Steady-state timing of a task: warm-up first, then the median and the best of several timed
 * runs.
 *
 * <ul>
 *   <li>Warm-up: the task runs for at least {@value #WARMUP_NANOS} ns, and at least once, then
 *       on in windows of {@value #WINDOW_NANOS} ns (at least one call each) until a window is
 *       steady: the JIT spent at most a share {@value #JIT_SHARE} of it compiling, and its median
 *       call is at most a share {@value #STEADY_GAIN} faster than the best window before it. It
 *       stops anyway after {@value #MAX_WARMUP_NANOS} ns. Two things keep a JVM slow long after
 *       its first calls on these two cores. The JIT: a ResNet-18 forward pass still recompiled
 *       kernels 5 s into its runs, while the compiler thread took a core from the work. And first
 *       touches of memory: in this virtual machine a page the process has not used before costs
 *       about 16 us to fault in, so while the heap grows, a Grad-CAM call that allocates 90 MB of
 *       fresh pages takes 400 ms instead of 60. Grad-CAM settled only after 4.5 s, and the
 *       earlier rule (1.5 s, then until the JIT was quiet for a second) timed it at 127-202 ms.
 *   <li>Repetitions: a timed run repeats the task {@code r} times, {@code r} chosen from the last
 *       warm-up call so that a run lasts at least {@value #MIN_RUN_NANOS} ns (1 s for the CPU
 *       clock, whose resolution is coarse); a call's time is the run's time over {@code r}. Short
 *       kernels (a max-pool takes about a millisecond) are so timed over many calls, and one
 *       preemption by another process weighs less.
 *   <li>Runs: as many as asked, but at most {@value #SLOW_RUNS} when one call takes longer than
 *       {@value #SLOW_CALL_NANOS} ns, so that Score-CAM on ResNet-18 (hundreds of forward passes)
 *       does not take minutes. The median is robust to the odd slow run of a shared machine.
 *   <li>The best run: on a virtual machine whose cores the host also lends to others, a
 *       compute-bound loop here varied by 25% from one second to the next (73 to 95 GFLOP/s of
 *       plain register FMAs). Noise only adds time, so the best run is the steadiest estimate of
 *       the uncontended speed; ratios of two engines are best taken from both.
 * </ul>
 *
 * The warm-up and the choice of repetitions go by elapsed time; the timed runs by the given
 * {@link Clock}.
 */
public final class Timer {
  public static final long WARMUP_NANOS = 1_500_000_000L;
  public static final long WINDOW_NANOS = 1_000_000_000L;
  /** How much faster than the best earlier window a window may be and still count as steady. */
  public static final double STEADY_GAIN = 0.05;
  /**
   * The share of a window the JIT may spend compiling and the window still count as steady: the
   * odd small method compiles all the time, a kernel's recompilation takes a tenth of a second.
   */
  public static final double JIT_SHARE = 0.02;
  public static final long MAX_WARMUP_NANOS = 20_000_000_000L;
  public static final long MIN_RUN_NANOS = 50_000_000L;
  public static final long SLOW_CALL_NANOS = 4_000_000_000L;
  public static final int SLOW_RUNS = 3;

  /** Results kept reachable, so that the JIT cannot drop a task's work as unused. */
  private static volatile Object sink;

  /**
   * The timing of one task.
   *
   * @param medianMs the median time of one call in milliseconds
   * @param bestMs the time of one call in the fastest run, in milliseconds
   * @param runs the number of timed runs
   * @param repetitions the calls per run
   * @param clock what was measured
   */
  public record Timing(double medianMs, double bestMs, int runs, int repetitions, Clock clock) {}

  private Timer() {}

  /** Warms {@code task} up and times {@code runs} runs of it (at least 1) by {@code clock}. */
  public static Timing measure(Supplier<Object> task, int runs, Clock clock) {
    if (runs < 1) {
      throw new IllegalArgumentException("the number of timed runs must be at least 1, got "
          + runs);
    }
    long call = warmUp(task);
    long minRun = clock.minRunNanos();
    int repetitions = (int) Math.max(1, Math.min(1_000_000, (minRun + call - 1) / call));
    int timed = call > SLOW_CALL_NANOS ? Math.min(runs, SLOW_RUNS) : runs;
    double[] ms = new double[timed];
    for (int r = 0; r < timed; r++) {
      long t0 = clock.nanos();
      for (int i = 0; i < repetitions; i++) {
        sink = task.get();
      }
      ms[r] = (clock.nanos() - t0) / 1e6 / repetitions;
    }
    sink = null;
    return new Timing(median(ms), Arrays.stream(ms).min().orElseThrow(), timed, repetitions, clock);
  }

  /**
   * Runs {@code task} until its speed is steady (see the class comment) and returns the time of
   * its last call in nanoseconds.
   */
  private static long warmUp(Supplier<Object> task) {
    long start = System.nanoTime();
    double bestMedian = Double.POSITIVE_INFINITY;
    double[] window = new double[16];
    int calls = 0;
    long windowStart = start;
    long compiledBefore = compilationMillis();
    while (true) {
      long t0 = System.nanoTime();
      sink = task.get();
      long now = System.nanoTime();
      long call = Math.max(1, now - t0);
      if (calls == window.length) {
        window = Arrays.copyOf(window, 2 * calls);
      }
      window[calls++] = call;
      if (now - start >= MAX_WARMUP_NANOS) {
        return call;
      }
      if (now - windowStart < WINDOW_NANOS) {
        continue;
      }
      long compiled = compilationMillis();
      double median = median(Arrays.copyOf(window, calls));
      boolean jitQuiet = (compiled - compiledBefore) * 1_000_000 <= JIT_SHARE * (now - windowStart);
      if (jitQuiet && now - start >= WARMUP_NANOS && median >= (1 - STEADY_GAIN) * bestMedian) {
        return call;
      }
      bestMedian = Math.min(bestMedian, median);
      calls = 0;
      windowStart = now;
      compiledBefore = compiled;
    }
  }

  /**
   * The JIT's total compilation time so far in milliseconds, or 0 where the JVM does not track it
   * (the warm-up is then the fixed minimum).
   */
  private static long compilationMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime() : 0;
  }

  /** The median: the middle value, or the mean of the two middle values. */
  static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("the median of no values is undefined");
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int mid = v.length / 2;
    return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }
}
