package io.gradlight.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A JMH auxiliary counter of floating-point work: each benchmark invocation adds its GFLOP count
 * (2 m n k for a GEMM, {@code ConvGeometry.flops()} for a convolution), and JMH, as for any
 * OPERATIONS counter, divides the total by the measured time. In throughput mode with seconds as
 * the unit (the setting of these benchmarks) the secondary result {@code :gflop} is therefore
 * GFLOP/s, printed with the unit {@code ops/s}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Flops {
  /** GFLOP done in this iteration. */
  public double gflop;

  @Setup(Level.Iteration)
  public void clear() {
    gflop = 0;
  }
}
