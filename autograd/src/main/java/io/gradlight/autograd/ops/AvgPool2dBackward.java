package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Pooling;
import io.gradlight.tensor.Shape;

/**
 * Average pooling's backward as an op: each {@code gy} spread as {@code gy / (kh kw)} over its
 * window of an input of shape {@code xShape}.
 *
 * <p>Linear, the adjoint of average pooling: VJP with incoming {@code ggx} is
 * {@code AvgPool2d(ggx)} (PyTorch's {@code avg_pool2d_backward} row). Saves nothing.
 */
public final class AvgPool2dBackward extends Function {
  private final Pool2dSpec spec;

  private AvgPool2dBackward(Pool2dSpec spec) {
    this.spec = spec;
  }

  public static Variable apply(Variable gy, Shape xShape, Pool2dSpec spec) {
    var gx = Pooling.avgPool2dBackward(
        gy.value(), xShape, spec.kernel(), spec.stride(), spec.padding());
    return record(gx, () -> new AvgPool2dBackward(spec), gy);
  }

  @Override
  protected Variable[] backward(Variable ggx) {
    return grads(AvgPool2d.apply(ggx, spec));
  }
}
