package io.gradlight.bench;

import io.gradlight.tensor.kernels.KernelProvider;
import io.gradlight.tensor.kernels.Kernels;
import io.gradlight.tensor.kernels.Parallel;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SGEMM {@code C = A B} of square {@code size x size} matrices: gradlight's vector kernels and its
 * scalar reference (both with {@code threads} threads) against EJML's single-threaded
 * {@code CommonOps_FDRM.mult}, in one run so that they share the machine's state. The
 * {@code :gflop} line of each is GFLOP/s (see {@link Flops}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class GemmBenchmark {
  @Param({"128", "512", "1024"})
  public int size;

  @Param({"2"})
  public int threads;

  private float[] a;
  private float[] b;
  private float[] c;
  private FMatrixRMaj ma;
  private FMatrixRMaj mb;
  private FMatrixRMaj mc;
  private Kernels vector;

  @Setup
  public void setUp() {
    vector = KernelProvider.vectorOrNull();
    if (vector == null) {
      throw new IllegalStateException("run with --add-modules jdk.incubator.vector");
    }
    SplittableRandom rng = new SplittableRandom(42);
    a = random(size * size, rng);
    b = random(size * size, rng);
    c = new float[size * size];
    ma = new FMatrixRMaj(size, size, true, a);
    mb = new FMatrixRMaj(size, size, true, b);
    mc = new FMatrixRMaj(size, size);
  }

  static float[] random(int n, SplittableRandom rng) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) rng.nextDouble(-1, 1);
    }
    return x;
  }

  private double gflop() {
    return 2.0 * size * size * size * 1e-9;
  }

  @Benchmark
  public float[] vector(Flops flops) {
    Parallel.withThreads(threads,
        () -> vector.gemm(false, false, size, size, size, a, 0, b, 0, c, 0, false));
    flops.gflop += gflop();
    return c;
  }

  @Benchmark
  public float[] scalar(Flops flops) {
    Kernels scalar = KernelProvider.scalar();
    Parallel.withThreads(threads,
        () -> scalar.gemm(false, false, size, size, size, a, 0, b, 0, c, 0, false));
    flops.gflop += gflop();
    return c;
  }

  @Benchmark
  public FMatrixRMaj ejml(Flops flops) {
    CommonOps_FDRM.mult(ma, mb, mc);
    flops.gflop += gflop();
    return mc;
  }
}
