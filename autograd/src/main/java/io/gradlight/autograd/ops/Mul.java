package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/**
 * {@code y = a * b} elementwise with NumPy broadcasting.
 *
 * <p>VJP: {@code ga = sumTo(gy * b, shape(a))}, {@code gb = sumTo(gy * a, shape(b))}. Saves
 * {@code b} only if {@code a} requires grad and {@code a} only if {@code b} does. The backward is
 * again a product, so every higher derivative follows.
 */
public final class Mul extends Function {

  private Mul(Variable a, Variable b) {
    save(b.requiresGrad() ? a : null, a.requiresGrad() ? b : null);
  }

  public static Variable apply(Variable a, Variable b) {
    return record(a.value().mul(b.value()), () -> new Mul(a, b), a, b);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    return grads(
        needsGrad(0) ? gy.mul(saved(1)).sumTo(inputShape(0)) : null,
        needsGrad(1) ? gy.mul(saved(0)).sumTo(inputShape(1)) : null);
  }
}
