package io.gradlight.bench;

import io.gradlight.autograd.Autograd;
import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.layers.BatchNorm2d;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.kernels.Parallel;
import java.util.List;
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
 * BatchNorm2d on ShapesNet's first feature map in training, {@code [32, 16, 64, 64]} F32, in ms
 * per call: the training forward alone, the training forward with the backward to the input,
 * weight and bias, and the evaluation forward. A same-shape multiply of the map by itself, the
 * cheapest full-size op, is the yardstick: BatchNorm's forward is a few such passes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class BatchNormBenchmark {
  private static final Shape SHAPE = Shape.of(32, 16, 64, 64);

  @Param({"2"})
  public int threads;

  private BatchNorm2d bn;
  private Variable x;
  private Variable gy;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(9);
    bn = new BatchNorm2d(SHAPE.dim(1));
    x = Variable.leaf(Tensor.normal(DType.F32, SHAPE, 0.5, 2, rng));
    gy = Variable.constant(Tensor.normal(DType.F32, SHAPE, 0, 1, rng));
  }

  @Benchmark
  @SuppressWarnings("try")
  public Tensor trainForward() {
    bn.train();
    return Parallel.withThreads(threads, () -> {
      try (var s = GradMode.disabled()) {
        return bn.forward(x).value();
      }
    });
  }

  @Benchmark
  public List<Variable> trainForwardBackward() {
    bn.train();
    return Parallel.withThreads(threads, () -> Autograd.grad(List.of(bn.forward(x)),
        List.of(x, bn.weight().variable(), bn.bias().variable()), List.of(gy), false));
  }

  @Benchmark
  @SuppressWarnings("try")
  public Tensor evalForward() {
    bn.eval();
    return Parallel.withThreads(threads, () -> {
      try (var s = GradMode.disabled()) {
        return bn.forward(x).value();
      }
    });
  }

  @Benchmark
  public Tensor sameShapeMul() {
    return Parallel.withThreads(threads, () -> x.value().mul(gy.value()));
  }
}
