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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Grad-CAM on ResNet-18 at 224 x 224 ({@code gradcam-resnet18-224}: one recorded forward pass,
 * the backward from the class score to {@code layer4}, the map), in a JVM limited to a 400 MB
 * heap: issue 7's peak-heap target. The run fails with an OutOfMemoryError if Grad-CAM needs
 * more. At the end of the trial it prints the largest heap occupancy seen after a collection
 * ({@link HeapAfterGc}). To find the smallest heap that works, override the fork's arguments,
 * e.g. {@code -jvmArgs "--add-modules=jdk.incubator.vector -Xmx150m"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"--add-modules=jdk.incubator.vector", "-Xmx400m"})
public class GradCamBenchmark {
  private static final String WORKLOAD = "gradcam-resnet18-224";

  @Param({"2"})
  public int threads;

  private PreparedWorkload prepared;
  private HeapAfterGc heap;

  @Setup
  public void setUp() {
    heap = new HeapAfterGc();
    prepared = new PreparedWorkload(WORKLOAD, threads);
  }

  @Benchmark
  public Object run() {
    return prepared.run();
  }

  @TearDown
  public void report() {
    heap.close();
    System.out.printf("%n%s: max heap %d MB; largest heap occupancy after a collection %.1f MB"
        + " (%d collections)%n", WORKLOAD, Runtime.getRuntime().maxMemory() >> 20,
        heap.peakBytes() / 1048576.0, heap.collections());
  }
}
