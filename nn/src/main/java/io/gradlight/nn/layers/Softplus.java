package io.gradlight.nn.layers;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;

/**
 * {@code y = log(1 + e^(beta x)) / beta}: PyTorch's {@code nn.Softplus(beta)}, computed exactly
 * everywhere (PyTorch switches to {@code y = x} above {@code beta x = 20}, a difference under
 * {@code 2.1e-9 / beta}; see the autograd op).
 */
public final class Softplus extends Module {
  private final double beta;

  /** {@code beta = 1}. */
  public Softplus() {
    this(1);
  }

  public Softplus(double beta) {
    if (!(beta > 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("Softplus needs a finite beta > 0, got " + beta);
    }
    this.beta = beta;
  }

  @Override
  protected Variable compute(Variable x) {
    return x.softplus(beta);
  }

  @Override
  public String toString() {
    return "Softplus(beta=" + Repr.number(beta) + ")";
  }
}
