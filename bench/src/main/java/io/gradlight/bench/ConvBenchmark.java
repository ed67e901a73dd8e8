package io.gradlight.bench;

import io.gradlight.tensor.kernels.ConvGeometry;
import io.gradlight.tensor.kernels.KernelProvider;
import io.gradlight.tensor.kernels.Kernels;
import io.gradlight.tensor.kernels.Parallel;
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
 * The three convolution kernels (forward, backward to the input, backward to the weights), vector
 * against the scalar reference, batch 1, on ResNet-18 layer shapes written
 * {@code cIn x h x w > cOut k s p} (kernel, stride, padding): the stem, the 3x3 convolutions of
 * each stage, a stride-2 3x3 and a 1x1 stride-2 downsample. The {@code :gflop} line of each is
 * GFLOP/s (see {@link Flops}; every kernel does {@code ConvGeometry.flops()} of work).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class ConvBenchmark {
  @Param({"64x56x56>64k3s1p1", "3x224x224>64k7s2p3", "64x56x56>128k3s2p1", "64x56x56>128k1s2p0",
      "128x28x28>128k3s1p1", "256x14x14>256k3s1p1", "512x7x7>512k3s1p1"})
  public String shape;

  @Param({"2"})
  public int threads;

  private ConvGeometry g;
  private float[] x;
  private float[] w;
  private float[] y;
  private float[] gx;
  private float[] gw;
  private Kernels vector;

  @Setup
  public void setUp() {
    vector = KernelProvider.vectorOrNull();
    if (vector == null) {
      throw new IllegalStateException("run with --add-modules jdk.incubator.vector");
    }
    g = parse(shape);
    SplittableRandom rng = new SplittableRandom(42);
    x = GemmBenchmark.random(g.n() * g.cIn() * g.h() * g.w(), rng);
    w = GemmBenchmark.random(g.cOut() * g.cIn() * g.kh() * g.kw(), rng);
    y = GemmBenchmark.random(g.n() * g.cOut() * g.outH() * g.outW(), rng);
    gx = new float[x.length];
    gw = new float[w.length];
  }

  /** {@code "64x56x56>64k3s1p1"}: 64 channels of 56 x 56, 64 outputs, 3x3, stride 1, pad 1. */
  static ConvGeometry parse(String shape) {
    String[] parts = shape.split("[x>ksp]");
    if (parts.length != 7) {
      throw new IllegalArgumentException("shape must look like 64x56x56>64k3s1p1, got " + shape);
    }
    int[] v = new int[7];
    for (int i = 0; i < 7; i++) {
      v[i] = Integer.parseInt(parts[i]);
    }
    return new ConvGeometry(1, v[0], v[1], v[2], v[3], v[4], v[4], v[5], v[5], v[6], v[6], 1, 1);
  }

  @Benchmark
  public float[] forwardVector(Flops flops) {
    return forward(vector, flops);
  }

  @Benchmark
  public float[] forwardScalar(Flops flops) {
    return forward(KernelProvider.scalar(), flops);
  }

  @Benchmark
  public float[] backwardInputVector(Flops flops) {
    return backwardInput(vector, flops);
  }

  @Benchmark
  public float[] backwardInputScalar(Flops flops) {
    return backwardInput(KernelProvider.scalar(), flops);
  }

  @Benchmark
  public float[] backwardWeightVector(Flops flops) {
    return backwardWeight(vector, flops);
  }

  @Benchmark
  public float[] backwardWeightScalar(Flops flops) {
    return backwardWeight(KernelProvider.scalar(), flops);
  }

  private float[] forward(Kernels k, Flops flops) {
    Parallel.withThreads(threads, () -> k.conv2d(g, x, w, null, y));
    flops.gflop += g.flops() * 1e-9;
    return y;
  }

  private float[] backwardInput(Kernels k, Flops flops) {
    Parallel.withThreads(threads, () -> k.conv2dBackwardInput(g, y, w, gx));
    flops.gflop += g.flops() * 1e-9;
    return gx;
  }

  private float[] backwardWeight(Kernels k, Flops flops) {
    Parallel.withThreads(threads, () -> k.conv2dBackwardWeight(g, x, y, gw));
    flops.gflop += g.flops() * 1e-9;
    return gw;
  }
}
