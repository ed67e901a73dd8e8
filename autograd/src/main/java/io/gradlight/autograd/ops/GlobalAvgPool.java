package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Pooling;

/**
 * Global average pooling, {@code y[n][c] = sum_{i,j} x[n][c][i][j] / (H W)}.
 *
 * <p>VJP: {@code gx = GlobalAvgPoolBackward(gy)} ({@code gy / (H W)} over each plane). Linear.
 * Saves nothing.
 */
public final class GlobalAvgPool extends Function {

  public static Variable apply(Variable x) {
    return record(Pooling.globalAvgPool(x.value()), GlobalAvgPool::new, x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    return grads(GlobalAvgPoolBackward.apply(gy, inputShape(0)));
  }
}
