package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Shape;

/**
 * {@code y = sum of x over axes} (kept as size 1 when {@code keepDims}).
 *
 * <p>VJP: {@code gx = broadcastTo(reshape(gy, kept shape), shape(x))}: every summed element gets
 * the gradient of its sum. Saves nothing.
 */
public final class Sum extends Function {
  private final Shape keptShape;

  private Sum(Shape keptShape) {
    this.keptShape = keptShape;
  }

  public static Variable apply(Variable x, int[] axes, boolean keepDims) {
    Shape kept = keptShape(x.shape(), axes);
    return record(x.value().sum(axes, keepDims), () -> new Sum(kept), x);
  }

  /** {@code x} with the reduced axes set to size 1: the shape of a keepDims reduction. */
  static Shape keptShape(Shape x, int[] axes) {
    int[] dims = x.dims();
    for (int axis : axes) {
      dims[x.axis(axis)] = 1;
    }
    return Shape.of(dims);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    return grads(gy.reshape(keptShape).broadcastTo(inputShape(0)));
  }
}
