package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Pooling;

/**
 * 2-D average pooling as PyTorch's {@code avg_pool2d} (dividing by the full window; padding
 * counts as zero).
 *
 * <p>VJP: {@code gx = AvgPool2dBackward(gy)}, each {@code gy} spread evenly over its window.
 * Linear. Saves nothing.
 */
public final class AvgPool2d extends Function {
  private final Pool2dSpec spec;

  private AvgPool2d(Pool2dSpec spec) {
    this.spec = spec;
  }

  public static Variable apply(Variable x, Pool2dSpec spec) {
    var y = Pooling.avgPool2d(x.value(), spec.kernel(), spec.stride(), spec.padding());
    return record(y, () -> new AvgPool2d(spec), x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    return grads(AvgPool2dBackward.apply(gy, inputShape(0), spec));
  }
}
