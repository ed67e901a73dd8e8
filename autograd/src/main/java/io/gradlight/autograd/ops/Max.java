package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;

/**
 * {@code y = max of x over axes} (PyTorch's {@code amax}).
 *
 * <p>VJP: the gradient of each maximum is shared evenly by the elements equal to it:
 * {@code gx = broadcast(gy) * w} with the constant {@code w = [x == max] / count(x == max)}
 * (PyTorch's {@code amax} rule); {@code w} has zero derivative away from ties. Saves {@code x} and
 * the output.
 */
public final class Max extends Function {
  private final int[] axes;
  private final Shape keptShape;

  private Max(Variable x, int[] axes, Shape keptShape) {
    this.axes = axes.clone();
    this.keptShape = keptShape;
    save(x);
    saveOutput();
  }

  public static Variable apply(Variable x, int[] axes, boolean keepDims) {
    Shape kept = Sum.keptShape(x.shape(), axes);
    return record(x.value().max(axes, keepDims), () -> new Max(x, axes, kept), x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    Tensor x = saved(0).value();
    Tensor isMax = x.eq(output().value().reshape(keptShape));
    Tensor share = isMax.div(isMax.sum(axes, true));
    return grads(gy.reshape(keptShape).broadcastTo(inputShape(0)).mul(Variable.constant(share)));
  }
}
