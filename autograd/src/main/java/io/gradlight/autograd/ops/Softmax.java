package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/**
 * {@code y = exp(x) / sum exp(x)} along {@code axis} (computed stably by the tensor module).
 *
 * <p>VJP: {@code gx = y (gy - sum(gy y, axis))}, written with ops on the saved output, so the
 * second derivative follows. Saves the output {@code y}.
 */
public final class Softmax extends Function {
  private final int axis;

  private Softmax(int axis) {
    this.axis = axis;
    saveOutput();
  }

  public static Variable apply(Variable x, int axis) {
    int a = x.shape().axis(axis);
    return record(x.value().softmax(a), () -> new Softmax(a), x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    Variable y = output();
    Variable dot = gy.mul(y).sum(new int[] {axis}, true);
    return grads(y.mul(gy.sub(dot)));
  }
}
