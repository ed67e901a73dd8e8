package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Tensor;

/**
 * {@code y = x} where {@code x > 0}, else {@code slope x}.
 *
 * <p>VJP: {@code gx = gy * m} with the constant {@code m = x > 0 ? 1 : slope}, so
 * {@code d gx / d gy} is the same mask and the derivative through {@code m} is zero away from 0.
 * Saves {@code x}.
 */
public final class LeakyRelu extends Function {
  private final double slope;

  private LeakyRelu(Variable x, double slope) {
    this.slope = slope;
    save(x);
  }

  public static Variable apply(Variable x, double slope) {
    Tensor v = x.value();
    return record(Tensor.where(v.gt(0), v, v.mul(slope)), () -> new LeakyRelu(x, slope), x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    Tensor x = saved(0).value();
    Tensor mask = Tensor.where(x.gt(0), x.onesLike(), x.fullLike(slope));
    return grads(gy.mul(Variable.constant(mask)));
  }
}
