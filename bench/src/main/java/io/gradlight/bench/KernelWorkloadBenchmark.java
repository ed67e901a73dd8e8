package io.gradlight.bench;

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
 * The kernel workloads of {@code gradlight bench}, through their {@code Tensor}-level entry
 * points (output allocation included, as the layers call them): SGEMM 1024, the three
 * convolution kernels at every distinct 3x3 convolution of ResNet-18 at 224 x 224 (batch 1),
 * the stem max-pool, the global average pool and the bilinear resize of 32 CAMs. The
 * {@code :gflop} line is GFLOP/s (see {@link Flops}); it is 0 for the pooling and resize
 * workloads, whose FLOP count is not defined.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class KernelWorkloadBenchmark {
  @Param({"gemm-1024",
      "conv2d-forward-64x56x56-64-s1", "conv2d-forward-64x56x56-128-s2",
      "conv2d-forward-128x28x28-128-s1", "conv2d-forward-128x28x28-256-s2",
      "conv2d-forward-256x14x14-256-s1", "conv2d-forward-256x14x14-512-s2",
      "conv2d-forward-512x7x7-512-s1",
      "conv2d-backward-input-64x56x56-64-s1", "conv2d-backward-input-64x56x56-128-s2",
      "conv2d-backward-input-128x28x28-128-s1", "conv2d-backward-input-128x28x28-256-s2",
      "conv2d-backward-input-256x14x14-256-s1", "conv2d-backward-input-256x14x14-512-s2",
      "conv2d-backward-input-512x7x7-512-s1",
      "conv2d-backward-weight-64x56x56-64-s1", "conv2d-backward-weight-64x56x56-128-s2",
      "conv2d-backward-weight-128x28x28-128-s1", "conv2d-backward-weight-128x28x28-256-s2",
      "conv2d-backward-weight-256x14x14-256-s1", "conv2d-backward-weight-256x14x14-512-s2",
      "conv2d-backward-weight-512x7x7-512-s1",
      "maxpool-resnet18-stem", "gap-resnet18", "resize-bilinear"})
  public String workload;

  @Param({"2"})
  public int threads;

  private PreparedWorkload prepared;

  @Setup
  public void setUp() {
    prepared = new PreparedWorkload(workload, threads);
  }

  @Benchmark
  public Object run(Flops flops) {
    flops.gflop += prepared.gflop();
    return prepared.run();
  }
}
