package io.gradlight.nn.layers;

import io.gradlight.autograd.Variable;
import io.gradlight.autograd.ops.MatMul;
import io.gradlight.nn.Module;
import io.gradlight.nn.Parameter;
import io.gradlight.tensor.Shape;
import java.util.SplittableRandom;

/**
 * {@code y = x W^T + b} as PyTorch's {@code nn.Linear}: weight {@code [out, in]}, optional bias
 * {@code [out]}, input {@code [N, in]}. Weights and bias start as PyTorch's default ({@link
 * Init#defaultUniform}).
 */
public final class Linear extends Module {
  private final int inFeatures;
  private final int outFeatures;
  private final Parameter weight;
  private final Parameter bias;

  public Linear(int inFeatures, int outFeatures, boolean bias, SplittableRandom rng) {
    if (inFeatures < 1 || outFeatures < 1) {
      throw new IllegalArgumentException(
          "Linear needs at least one input and output feature, got "
              + inFeatures
              + " -> "
              + outFeatures);
    }
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    Shape shape = Shape.of(outFeatures, inFeatures);
    this.weight = addParameter("weight", Init.defaultUniform(shape, inFeatures, rng));
    this.bias =
        bias
            ? addParameter("bias", Init.defaultUniform(Shape.of(outFeatures), inFeatures, rng))
            : null;
  }

  public Parameter weight() {
    return weight;
  }

  /** The bias, or null for a layer without one. */
  public Parameter bias() {
    return bias;
  }

  @Override
  protected Variable compute(Variable x) {
    if (x.rank() != 2 || x.shape().dim(1) != inFeatures) {
      throw new IllegalArgumentException(
          this + " expects input [N, " + inFeatures + "], got " + x.shape());
    }
    Variable y = MatMul.apply(x, weight.variable(), false, true);
    return bias == null ? y : y.add(bias.variable());
  }

  @Override
  public String toString() {
    return "Linear(in_features="
        + inFeatures
        + ", out_features="
        + outFeatures
        + ", bias="
        + (bias == null ? "False" : "True")
        + ")";
  }
}
