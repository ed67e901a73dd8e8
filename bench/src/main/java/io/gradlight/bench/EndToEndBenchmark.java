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
 * The end-to-end workloads of {@code gradlight bench} in ms per call: ResNet-18 inference at
 * 224 x 224 (batch 1 and 8) and the saliency methods as {@code gradlight explain} runs them
 * (Score-CAM on shapesnet and ResNet-18, RISE with 4000 masks and SmoothGrad with 50 samples on
 * shapesnet). Grad-CAM on ResNet-18 has its own class, {@link GradCamBenchmark}, with a 400 MB
 * heap. {@code scorecam-resnet18-224} takes tens of seconds per call: every JMH iteration then
 * runs one call, so select it alone ({@code -p workload=scorecam-resnet18-224}) to time it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class EndToEndBenchmark {
  @Param({"resnet18-forward-224-b1", "resnet18-forward-224-b8", "scorecam-shapesnet",
      "rise-4000-shapesnet", "smoothgrad-50-shapesnet", "smoothgrad-50-resnet18-224",
      "scorecam-resnet18-224"})
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
