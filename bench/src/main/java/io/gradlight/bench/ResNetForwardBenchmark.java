package io.gradlight.bench;

import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.Models;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
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
 * ResNet-18 (torchvision layout, 1000 classes, seeded random weights) in evaluation mode, one
 * 224 x 224 image, forward without recording a graph, in ms per image. PyTorch on this machine's
 * class of hardware: about 28 ms with 2 threads (DESIGN.md section 6).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class ResNetForwardBenchmark {
  @Param({"2"})
  public int threads;

  private Module model;
  private Variable image;

  @Setup
  public void setUp() {
    model = Models.create("resnet18", Models.IMAGENET_CLASSES, Activation.RELU, 7).eval();
    image = Variable.constant(Tensor.uniform(DType.F32, Shape.of(1, 3, 224, 224), -2, 2,
        new SplittableRandom(8)));
  }

  @Benchmark
  @SuppressWarnings("try")
  public Tensor forward() {
    return Parallel.withThreads(threads, () -> {
      try (var s = GradMode.disabled()) {
        return model.forward(image).value();
      }
    });
  }
}
