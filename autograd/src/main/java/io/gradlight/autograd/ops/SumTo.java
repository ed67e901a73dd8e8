package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Shape;

/**
 * {@code y = x} summed over the axes along which {@code shape} broadcasts to {@code shape(x)}
 * (PyTorch's {@code sum_to}): how a broadcast operand's gradient is reduced.
 * VJP: {@code gx = broadcastTo(gy, shape(x))} ({@link BroadcastTo}, its adjoint). Saves nothing.
 */
public final class SumTo extends Function {

  public static Variable apply(Variable x, Shape shape) {
    if (shape.equals(x.shape())) {
      return x;
    }
    return record(x.value().sumTo(shape), SumTo::new, x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    return grads(gy.broadcastTo(inputShape(0)));
  }
}
