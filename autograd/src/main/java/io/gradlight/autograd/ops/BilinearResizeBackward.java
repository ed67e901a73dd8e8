package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Resize;
import io.gradlight.tensor.Shape;

/**
 * Bilinear resize's backward as an op: {@code gx = R^T gy} for an input of shape {@code xShape}
 * (the exact adjoint of {@link BilinearResize}).
 *
 * <p>Linear: VJP with incoming {@code ggx} is {@code R ggx}, the resize itself to the size of
 * {@code gy}. Saves nothing.
 */
public final class BilinearResizeBackward extends Function {
  private final boolean alignCorners;

  private BilinearResizeBackward(boolean alignCorners) {
    this.alignCorners = alignCorners;
  }

  public static Variable apply(Variable gy, Shape xShape, boolean alignCorners) {
    var gx = Resize.bilinearBackward(gy.value(), xShape, alignCorners);
    return record(gx, () -> new BilinearResizeBackward(alignCorners), gy);
  }

  @Override
  protected Variable[] backward(Variable ggx) {
    Shape y = inputShape(0);
    return grads(BilinearResize.apply(ggx, y.dim(2), y.dim(3), alignCorners));
  }
}
