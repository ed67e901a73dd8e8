package io.gradlight.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The FP32 FMA peak of one core as the Vector API reaches it: ten independent FMA chains on
 * registers (enough to cover the FMA latency on both FMA pipes), no memory traffic. Run with
 * {@code -t 2} for two cores. Its {@code :gflop} line is GFLOP/s per thread; GEMM and
 * convolution results are read as fractions of it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class PeakBenchmark {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int STEPS = 1 << 16;

  public float scale = 0.9999999f;
  public float shift = 1e-7f;

  @Benchmark
  public float fma(Flops flops) {
    FloatVector m = FloatVector.broadcast(S, scale);
    FloatVector c = FloatVector.broadcast(S, shift);
    FloatVector a0 = c.add(1f);
    FloatVector a1 = c.add(2f);
    FloatVector a2 = c.add(3f);
    FloatVector a3 = c.add(4f);
    FloatVector a4 = c.add(5f);
    FloatVector a5 = c.add(6f);
    FloatVector a6 = c.add(7f);
    FloatVector a7 = c.add(8f);
    FloatVector a8 = c.add(9f);
    FloatVector a9 = c.add(10f);
    for (int i = 0; i < STEPS; i++) {
      a0 = a0.fma(m, c);
      a1 = a1.fma(m, c);
      a2 = a2.fma(m, c);
      a3 = a3.fma(m, c);
      a4 = a4.fma(m, c);
      a5 = a5.fma(m, c);
      a6 = a6.fma(m, c);
      a7 = a7.fma(m, c);
      a8 = a8.fma(m, c);
      a9 = a9.fma(m, c);
    }
    flops.gflop += 10.0 * 2 * S.length() * STEPS * 1e-9;
    return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).lane(0);
  }
}
