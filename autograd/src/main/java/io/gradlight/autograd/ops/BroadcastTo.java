package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Shape;

/**
 * {@code y = x} repeated along its size-1 and missing leading axes to {@code shape}.
 * VJP: {@code gx = sumTo(gy, shape(x))} ({@link SumTo}, its adjoint). Saves nothing.
 */
public final class BroadcastTo extends Function {

  public static Variable apply(Variable x, Shape shape) {
    if (shape.equals(x.shape())) {
      return x;
    }
    return record(x.value().broadcastTo(shape), BroadcastTo::new, x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    return grads(gy.sumTo(inputShape(0)));
  }
}
