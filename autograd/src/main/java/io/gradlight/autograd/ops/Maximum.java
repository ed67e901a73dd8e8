package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Tensor;

/**
 * {@code y = max(a, b)} elementwise with NumPy broadcasting ({@code min(a, b)} is
 * {@code -max(-a, -b)}).
 *
 * <p>VJP: the gradient goes to the larger operand; on a tie it is split in halves (PyTorch's and
 * tinygrad's rule): {@code ga = sumTo(gy * wa)}, {@code gb = sumTo(gy * (1 - wa))} with the
 * constant {@code wa = [a > b] + [a == b] / 2}. The derivative through {@code wa} is zero almost
 * everywhere. Saves {@code a} and {@code b}.
 */
public final class Maximum extends Function {

  private Maximum(Variable a, Variable b) {
    save(a, b);
  }

  public static Variable apply(Variable a, Variable b) {
    return record(a.value().maximum(b.value()), () -> new Maximum(a, b), a, b);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    Tensor a = saved(0).value();
    Tensor b = saved(1).value();
    Tensor wa = a.gt(b).add(a.eq(b).mul(0.5));
    return grads(
        needsGrad(0) ? gy.mul(Variable.constant(wa)).sumTo(inputShape(0)) : null,
        needsGrad(1) ? gy.mul(Variable.constant(wa.neg().add(1))).sumTo(inputShape(1)) : null);
  }
}
