package io.gradlight.nn.layers;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Weight initialisations of PyTorch ({@code torch.nn.init}), drawn from an explicit random source,
 * in F32. For a weight of shape {@code [out, in, kh, kw]} (or {@code [out, in]}), {@code fan_in =
 * in kh kw}.
 */
public final class Init {
  private Init() {}

  /**
   * The default of {@code nn.Conv2d} and {@code nn.Linear} for weights and biases alike: {@code
   * kaiming_uniform_(a = sqrt 5)}, whose bound {@code gain sqrt(3 / fan_in)} with {@code gain =
   * sqrt(2 / (1 + a^2)) = sqrt(1/3)} is {@code 1 / sqrt(fan_in)}; the bias is drawn from the same
   * {@code U(-1/sqrt(fan_in), 1/sqrt(fan_in))}.
   */
  public static Tensor defaultUniform(Shape shape, int fanIn, SplittableRandom rng) {
    double bound = 1 / Math.sqrt(fanIn);
    return Tensor.uniform(DType.F32, shape, -bound, bound, rng);
  }

  /** The number of inputs each output sums: the product of all axes but the first. */
  public static int fanIn(Shape weightShape) {
    return weightShape.size() / weightShape.dim(0);
  }
}
