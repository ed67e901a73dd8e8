package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/**
 * {@code y = x - log sum exp(x)} along {@code axis} (computed stably by the tensor module).
 *
 * <p>VJP: {@code gx = gy - exp(y) sum(gy, axis)} ({@code exp(y)} is the softmax), written with ops
 * on the saved output. Saves the output {@code y}.
 */
public final class LogSoftmax extends Function {
  private final int axis;

  private LogSoftmax(int axis) {
    this.axis = axis;
    saveOutput();
  }

  public static Variable apply(Variable x, int axis) {
    int a = x.shape().axis(axis);
    return record(x.value().logSoftmax(a), () -> new LogSoftmax(a), x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    Variable total = gy.sum(new int[] {axis}, true);
    return grads(gy.sub(output().exp().mul(total)));
  }
}
