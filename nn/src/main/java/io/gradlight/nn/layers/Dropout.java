package io.gradlight.nn.layers;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * PyTorch's {@code nn.Dropout(p)}: in training mode each element is zeroed with probability {@code
 * p} and the survivors scaled by {@code 1 / (1 - p)}, so the expectation is unchanged,
 *
 * <pre>
 *   y = x * mask,   mask[i] = (u[i] >= p) / (1 - p),   u[i] ~ U[0, 1)
 * </pre>
 *
 * (the mask is data, so the gradient is {@code gy * mask}). In evaluation mode it is the identity.
 * The masks come from a {@link SplittableRandom} seeded at construction: the same seed and the same
 * sequence of calls give the same masks.
 */
public final class Dropout extends Module {
  private final double p;
  private final SplittableRandom rng;

  public Dropout(double p, long seed) {
    if (!(p >= 0 && p < 1)) {
      throw new IllegalArgumentException("Dropout probability must be in [0, 1), got " + p);
    }
    this.p = p;
    this.rng = new SplittableRandom(seed);
  }

  @Override
  protected Variable compute(Variable x) {
    if (!isTraining() || p == 0) {
      return x;
    }
    Tensor u = Tensor.uniform(x.dtype(), x.shape(), 0, 1, rng);
    Tensor mask = u.ge(p).mul(1 / (1 - p));
    return x.mul(Variable.constant(mask));
  }

  @Override
  public String toString() {
    return "Dropout(p=" + Repr.number(p) + ", inplace=False)";
  }
}
