package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Resize;

/**
 * Bilinear resize of each {@code H x W} plane to {@code outH x outW}, as PyTorch's
 * {@code F.interpolate(mode='bilinear')}: each output is a fixed weighted sum of at most four
 * inputs, {@code y = R x} with a sparse matrix {@code R}.
 *
 * <p>VJP: {@code gx = R^T gy} ({@link BilinearResizeBackward}). Linear. Saves nothing.
 */
public final class BilinearResize extends Function {
  private final boolean alignCorners;

  private BilinearResize(boolean alignCorners) {
    this.alignCorners = alignCorners;
  }

  public static Variable apply(Variable x, int outH, int outW, boolean alignCorners) {
    var y = Resize.bilinear(x.value(), outH, outW, alignCorners);
    return record(y, () -> new BilinearResize(alignCorners), x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    return grads(BilinearResizeBackward.apply(gy, inputShape(0), alignCorners));
  }
}
