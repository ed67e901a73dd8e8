package io.gradlight.bench;

import io.gradlight.tensor.kernels.KernelProvider;
import io.gradlight.tensor.kernels.Kernels;
import io.gradlight.tensor.kernels.Parallel;
import io.gradlight.tensor.kernels.UnaryOp;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * exp, ReLU and global average pooling over 4M floats (global average pooling as 512 planes of
 * 8192), vector against the scalar reference, each in ms per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class ElementwiseBenchmark {
  static final int SIZE = 1 << 22;
  static final int PLANES = 512;

  @Param({"2"})
  public int threads;

  private float[] x;
  private float[] y;
  private float[] pooled;
  private Kernels vector;

  @Setup
  public void setUp() {
    vector = KernelProvider.vectorOrNull();
    if (vector == null) {
      throw new IllegalStateException("run with --add-modules jdk.incubator.vector");
    }
    x = GemmBenchmark.random(SIZE, new SplittableRandom(42));
    y = new float[SIZE];
    pooled = new float[PLANES];
  }

  @Benchmark
  public float[] expVector() {
    return unary(vector, UnaryOp.EXP);
  }

  @Benchmark
  public float[] expScalar() {
    return unary(KernelProvider.scalar(), UnaryOp.EXP);
  }

  @Benchmark
  public float[] reluVector() {
    return unary(vector, UnaryOp.RELU);
  }

  @Benchmark
  public float[] reluScalar() {
    return unary(KernelProvider.scalar(), UnaryOp.RELU);
  }

  @Benchmark
  public float[] globalAvgPoolVector() {
    return globalAvgPool(vector);
  }

  @Benchmark
  public float[] globalAvgPoolScalar() {
    return globalAvgPool(KernelProvider.scalar());
  }

  private float[] unary(Kernels k, UnaryOp op) {
    Parallel.withThreads(threads, () -> k.unary(op, x, 0, y, 0, SIZE));
    return y;
  }

  private float[] globalAvgPool(Kernels k) {
    Parallel.withThreads(threads, () -> k.globalAvgPool(PLANES, SIZE / PLANES, x, pooled));
    return pooled;
  }
}
