package io.gradlight.nn.layers;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;

/** {@code y = x} for {@code x > 0}, else {@code slope x}: PyTorch's {@code nn.LeakyReLU}. */
public final class LeakyReLU extends Module {
  /** PyTorch's default {@code negative_slope}. */
  public static final double DEFAULT_SLOPE = 0.01;

  private final double negativeSlope;

  public LeakyReLU() {
    this(DEFAULT_SLOPE);
  }

  public LeakyReLU(double negativeSlope) {
    if (!Double.isFinite(negativeSlope)) {
      throw new IllegalArgumentException("LeakyReLU needs a finite slope, got " + negativeSlope);
    }
    this.negativeSlope = negativeSlope;
  }

  @Override
  protected Variable compute(Variable x) {
    return x.leakyRelu(negativeSlope);
  }

  @Override
  public String toString() {
    return "LeakyReLU(negative_slope=" + Repr.number(negativeSlope) + ")";
  }
}
