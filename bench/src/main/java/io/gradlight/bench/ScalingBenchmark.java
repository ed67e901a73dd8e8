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
 * How cost grows (the scaling suite of {@code gradlight bench}): ResNet-18 inference at 112, 224
 * and 448 pixels and batch 1, 8 and 32 (FLOPs grow with {@code size^2 * batch};
 * {@code gradlight bench --only scaling} prints GFLOP/s beside the times), and Score-CAM on
 * shapesnet at its four blocks, 16 to 128 channels (one forward pass per channel). Batch 32 at
 * 448 pixels holds a 411 MB activation, hence the 6 GB heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms6g", "-Xmx6g"})
public class ScalingBenchmark {
  @Param({"resnet18-forward-112-b1", "resnet18-forward-112-b8", "resnet18-forward-112-b32",
      "resnet18-forward-224-b1", "resnet18-forward-224-b8", "resnet18-forward-224-b32",
      "resnet18-forward-448-b1", "resnet18-forward-448-b8", "resnet18-forward-448-b32",
      "scorecam-shapesnet-c16", "scorecam-shapesnet-c32", "scorecam-shapesnet-c64",
      "scorecam-shapesnet-c128"})
  public String workload;

  @Param({"2"})
  public int threads;

  private PreparedWorkload prepared;

  @Setup
  public void setUp() {
    prepared = new PreparedWorkload(workload, threads);
  }

  @Benchmark
  public Object run() {
    return prepared.run();
  }
}
