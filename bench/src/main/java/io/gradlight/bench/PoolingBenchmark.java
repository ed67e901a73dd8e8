package io.gradlight.bench;

import io.gradlight.tensor.kernels.KernelProvider;
import io.gradlight.tensor.kernels.Kernels;
import io.gradlight.tensor.kernels.Parallel;
import io.gradlight.tensor.kernels.PoolGeometry;
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
 * Max pooling 2x2/2, forward and backward, on 2M floats: ShapesNet's first pooled map in
 * training, {@code [32, 16, 64, 64]}, or as many {@code 16 x 16} planes (its third pooled map's
 * size, where rows are short); the F32 kernels of the vector provider (vector forward, float
 * backward, planes in parallel) against the scalar reference (whole tensors widened to double),
 * in ms per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class PoolingBenchmark {
  private static final int ELEMENTS = 32 * 16 * 64 * 64;

  @Param({"2"})
  public int threads;

  /** The side of a plane. */
  @Param({"64", "16"})
  public int size;

  private PoolGeometry geometry;

  private float[] x;
  private float[] y;
  private int[] argmax;
  private float[] gx;
  private Kernels vector;

  @Setup
  public void setUp() {
    vector = KernelProvider.vectorOrNull();
    if (vector == null) {
      throw new IllegalStateException("run with --add-modules jdk.incubator.vector");
    }
    geometry = PoolGeometry.of(ELEMENTS / (size * size), size, size, 2, 2, 0);
    SplittableRandom rng = new SplittableRandom(5);
    x = GemmBenchmark.random(geometry.planes() * geometry.h() * geometry.w(), rng);
    y = new float[geometry.planes() * geometry.outH() * geometry.outW()];
    argmax = new int[y.length];
    gx = new float[x.length];
    vector.maxPool2d(geometry, x, y, argmax); // the argmax the backward scatters to
  }

  @Benchmark
  public float[] maxPoolVector() {
    return maxPool(vector);
  }

  @Benchmark
  public float[] maxPoolScalar() {
    return maxPool(KernelProvider.scalar());
  }

  @Benchmark
  public float[] maxPoolBackwardVector() {
    return maxPoolBackward(vector);
  }

  @Benchmark
  public float[] maxPoolBackwardScalar() {
    return maxPoolBackward(KernelProvider.scalar());
  }

  private float[] maxPool(Kernels k) {
    Parallel.withThreads(threads, () -> k.maxPool2d(geometry, x, y, argmax));
    return y;
  }

  /** The backward of the pooling done in setUp: its output as the gradient, its argmax. */
  private float[] maxPoolBackward(Kernels k) {
    Parallel.withThreads(threads, () -> k.maxPool2dBackward(geometry, y, argmax, gx));
    return gx;
  }
}
