package io.gradlight.bench;

import io.gradlight.autograd.Autograd;
import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.kernels.KernelProvider;
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
 * The cost of reverse mode: forward alone against forward plus first-order backward of
 * {@code conv3x3 -> ReLU -> max-pool 2x2 -> conv3x3 -> ReLU -> global average pool -> linear},
 * F32, batch 8, 32 channels, 64 x 64 (issue 3 asks for at most 3.2x; PyTorch ResNet-18 on this
 * machine is about 2.9x).
 *
 * <ul>
 *   <li>{@code forward}: grad mode off, nothing recorded (inference);
 *   <li>{@code forwardRecorded}: grad mode on, the graph recorded, no backward;
 *   <li>{@code forwardBackwardParameters}: recorded forward, then the gradient of the summed
 *       logits with respect to all weights and biases (the input is data: its gradient, the first
 *       conv's transposed convolution, is not computed);
 *   <li>{@code forwardBackwardInput}: the saliency case, the gradient with respect to the input
 *       only (no weight gradients are computed).
 * </ul>
 *
 * The setup prints the bytes the recorded graph saves for its backward: the input (for the first
 * conv's weight gradient), both ReLU outputs, the max-pool argmax (4 bytes per pooled element, not
 * its input), the pooled map and the second conv's weight (for the second conv's two gradients),
 * the pooled features and the transposed linear weight: 11,573,504 bytes, of which the first conv's
 * weight is not part, since the input needs no gradient.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class AutogradBenchmark {
  private static final int BATCH = 8;
  private static final int CHANNELS = 32;
  private static final int SIZE = 64;
  private static final int CLASSES = 10;
  private static final int[] ONE = {1, 1};
  private static final int[] TWO = {2, 2};
  private static final int[] ZERO = {0, 0};

  @Param({"2"})
  public int threads;

  private Variable x;
  private Variable input;
  private List<Variable> parameters;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(3);
    Tensor image = random(rng, 1.0, BATCH, CHANNELS, SIZE, SIZE);
    x = Variable.constant(image);
    input = Variable.leaf(image);
    double convScale = 1 / Math.sqrt(CHANNELS * 9.0);
    parameters = List.of(
        Variable.leaf(random(rng, convScale, CHANNELS, CHANNELS, 3, 3)),
        Variable.leaf(random(rng, 0.1, CHANNELS)),
        Variable.leaf(random(rng, convScale, CHANNELS, CHANNELS, 3, 3)),
        Variable.leaf(random(rng, 0.1, CHANNELS)),
        Variable.leaf(random(rng, 1 / Math.sqrt(CHANNELS), CLASSES, CHANNELS)),
        Variable.leaf(random(rng, 0.1, CLASSES)));
    System.out.printf("%n%s; %d threads; saved for the backward to the parameters: %d bytes%n",
        KernelProvider.description(), threads, Autograd.savedBytes(network(x)));
  }

  private static Tensor random(SplittableRandom rng, double scale, int... dims) {
    return Tensor.uniform(DType.F32, Shape.of(dims), -scale, scale, rng);
  }

  private Variable network(Variable image) {
    return image.conv2d(parameters.get(0), parameters.get(1), ONE, ONE, ONE).relu()
        .maxPool2d(TWO, TWO, ZERO)
        .conv2d(parameters.get(2), parameters.get(3), ONE, ONE, ONE).relu()
        .globalAvgPool()
        .matmul(parameters.get(4).transpose(0, 1)).add(parameters.get(5));
  }

  @Benchmark
  @SuppressWarnings("try")
  public Tensor forward() {
    return Parallel.withThreads(threads, () -> {
      try (var s = GradMode.disabled()) {
        return network(x).value();
      }
    });
  }

  @Benchmark
  public Tensor forwardRecorded() {
    return Parallel.withThreads(threads, () -> network(x).value());
  }

  @Benchmark
  public List<Variable> forwardBackwardParameters() {
    return Parallel.withThreads(threads,
        () -> Autograd.grad(List.of(network(x).sum()), parameters, null, false));
  }

  @Benchmark
  public Variable forwardBackwardInput() {
    return Parallel.withThreads(threads, () -> Autograd.grad(network(input).sum(), input));
  }
}
