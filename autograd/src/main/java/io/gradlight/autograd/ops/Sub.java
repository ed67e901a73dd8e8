package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/**
 * {@code y = a - b} with NumPy broadcasting.
 *
 * <p>VJP: {@code ga = sumTo(gy, shape(a))}, {@code gb = -sumTo(gy, shape(b))}. Saves nothing.
 */
public final class Sub extends Function {

  public static Variable apply(Variable a, Variable b) {
    return record(a.value().sub(b.value()), Sub::new, a, b);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    return grads(
        needsGrad(0) ? gy.sumTo(inputShape(0)) : null,
        needsGrad(1) ? gy.sumTo(inputShape(1)).neg() : null);
  }
}
