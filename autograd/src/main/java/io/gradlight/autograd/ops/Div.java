package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/**
 * {@code y = a / b} elementwise with NumPy broadcasting.
 *
 * <p>VJP: {@code ga = sumTo(gy / b, shape(a))}, {@code gb = sumTo(-gy a / b^2, shape(b))}.
 * Saves {@code b}, and {@code a} only if {@code b} requires grad.
 */
public final class Div extends Function {

  private Div(Variable a, Variable b) {
    save(b.requiresGrad() ? a : null, b);
  }

  public static Variable apply(Variable a, Variable b) {
    return record(a.value().div(b.value()), () -> new Div(a, b), a, b);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    Variable b = saved(1);
    return grads(
        needsGrad(0) ? gy.div(b).sumTo(inputShape(0)) : null,
        needsGrad(1) ? gy.mul(saved(0)).div(b.square()).neg().sumTo(inputShape(1)) : null);
  }
}
