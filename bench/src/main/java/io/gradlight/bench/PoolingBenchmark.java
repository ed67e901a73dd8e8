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
 * Max pooling 2x2/2, forward and backward, on ShapesNet's first pooled map in training,
 * {@code [32, 16, 64, 64]}: the F32 kernels of the vector provider (float loops, planes in
 * parallel) against the scalar reference (whole tensors widened to double), in ms per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class PoolingBenchmark {
  private static final PoolGeometry GEOMETRY = PoolGeometry.of(32 * 16, 64, 64, 2, 2, 0);

  @Param({"2"})
  public int threads;

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
    SplittableRandom rng = new SplittableRandom(5);
    x = GemmBenchmark.random(GEOMETRY.planes() * GEOMETRY.h() * GEOMETRY.w(), rng);
    y = new float[GEOMETRY.planes() * GEOMETRY.outH() * GEOMETRY.outW()];
    argmax = new int[y.length];
    gx = new float[x.length];
    vector.maxPool2d(GEOMETRY, x, y, argmax); // the argmax the backward scatters to
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
    Parallel.withThreads(threads, () -> k.maxPool2d(GEOMETRY, x, y, argmax));
    return y;
  }

  /** The backward of the pooling done in setUp: its output as the gradient, its argmax. */
  private float[] maxPoolBackward(Kernels k) {
    Parallel.withThreads(threads, () -> k.maxPool2dBackward(GEOMETRY, y, argmax, gx));
    return gx;
  }
}
