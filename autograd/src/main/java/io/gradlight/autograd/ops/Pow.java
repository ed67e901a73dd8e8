package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/**
 * {@code y = a^b} elementwise with NumPy broadcasting ({@link Math#pow} semantics).
 *
 * <p>VJP: {@code ga = sumTo(gy b a^(b-1), shape(a))} and {@code gb = sumTo(gy y ln a, shape(b))}
 * (real only for {@code a > 0}; where {@code a = 0} PyTorch masks it to 0, here it is NaN or
 * 0 times infinity). Saves {@code a} and {@code b}, and the output when {@code b} requires grad.
 */
public final class Pow extends Function {

  private Pow(Variable a, Variable b) {
    save(a, b);
    if (b.requiresGrad()) {
      saveOutput();
    }
  }

  public static Variable apply(Variable a, Variable b) {
    return record(a.value().pow(b.value()), () -> new Pow(a, b), a, b);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    Variable a = saved(0);
    Variable b = saved(1);
    return grads(
        needsGrad(0) ? gy.mul(b).mul(a.pow(b.sub(1))).sumTo(inputShape(0)) : null,
        needsGrad(1) ? gy.mul(output()).mul(a.log()).sumTo(inputShape(1)) : null);
  }
}
