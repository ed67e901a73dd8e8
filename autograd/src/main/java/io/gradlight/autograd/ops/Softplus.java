package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Tensor;

/**
 * {@code y = log(1 + e^(beta x)) / beta}, {@code beta > 0}, computed exactly everywhere as
 * {@code max(x, 0) + log(1 + e^(-beta |x|)) / beta} (no overflow, no switch).
 *
 * <p>PyTorch instead returns {@code x} itself where {@code beta x > 20} (its {@code threshold}),
 * which differs from the exact value by less than {@code 2.1e-9 / beta} and makes all higher
 * derivatives zero there; gradlight keeps the exact function so that second and third derivatives
 * are right everywhere.
 *
 * <p>VJP: {@code gx = gy sigmoid(beta x)}, written with ops on {@code x}, so
 * {@code y'' = beta s (1 - s)} and {@code y''' = beta^2 s (1 - s)(1 - 2s)} follow. Saves {@code x}.
 */
public final class Softplus extends Function {
  private final double beta;

  private Softplus(Variable x, double beta) {
    this.beta = beta;
    save(x);
  }

  public static Variable apply(Variable x, double beta) {
    if (!(beta > 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("softplus: beta must be positive and finite, got " + beta);
    }
    Tensor v = x.value();
    Tensor y = v.relu().add(v.mul(beta).abs().neg().exp().add(1).log().div(beta));
    return record(y, () -> new Softplus(x, beta), x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    Variable x = saved(0);
    return grads(gy.mul((beta == 1 ? x : x.mul(beta)).sigmoid()));
  }
}
