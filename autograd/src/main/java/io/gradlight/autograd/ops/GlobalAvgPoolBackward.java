package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Pooling;
import io.gradlight.tensor.Shape;

/**
 * Global average pooling's backward as an op: {@code gx[n][c][i][j] = gy[n][c] / (H W)} for an
 * input of shape {@code xShape}.
 *
 * <p>Linear, the adjoint of global average pooling: VJP with incoming {@code ggx} is
 * {@code GlobalAvgPool(ggx)}. Saves nothing.
 */
public final class GlobalAvgPoolBackward extends Function {

  public static Variable apply(Variable gy, Shape xShape) {
    var gx = Pooling.globalAvgPoolBackward(gy.value(), xShape);
    return record(gx, GlobalAvgPoolBackward::new, gy);
  }

  @Override
  protected Variable[] backward(Variable ggx) {
    return grads(GlobalAvgPool.apply(ggx));
  }
}
