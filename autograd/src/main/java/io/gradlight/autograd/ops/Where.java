package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Tensor;

/**
 * {@code y = mask != 0 ? a : b} elementwise, broadcasting {@code mask}, {@code a} and {@code b}
 * together. The mask is data: it is not differentiated.
 *
 * <p>VJP: {@code ga = sumTo(where(mask, gy, 0), shape(a))},
 * {@code gb = sumTo(where(mask, 0, gy), shape(b))}. Linear in {@code (a, b)}. Saves the mask.
 */
public final class Where extends Function {

  private Where(Tensor mask) {
    save(Variable.constant(mask));
  }

  public static Variable apply(Tensor mask, Variable a, Variable b) {
    return record(Tensor.where(mask, a.value(), b.value()), () -> new Where(mask), a, b);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    Tensor mask = saved(0).value();
    Variable zero = Variable.constant(Tensor.scalar(gy.dtype(), 0));
    return grads(
        needsGrad(0) ? apply(mask, gy, zero).sumTo(inputShape(0)) : null,
        needsGrad(1) ? apply(mask, zero, gy).sumTo(inputShape(1)) : null);
  }
}
