package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Convolution;
import io.gradlight.tensor.Shape;

/**
 * Conv2d's input gradient as an op: {@code gx = BI(gy, w)}, the transposed convolution of
 * {@code gy} with {@code w} to an input of shape {@code xShape} (kernel
 * {@code conv2dBackwardInput}).
 *
 * <p>It is bilinear, and {@code <ggx, BI(gy, w)> = <conv2d(ggx, w), gy>}, so with incoming
 * {@code ggx}: {@code d gy = conv2d(ggx, w)} and {@code d w = Conv2dBackwardWeight(ggx, gy)}
 * (PyTorch's {@code _convolution_double_backward}). Saves {@code w} only if {@code gy} requires
 * grad and {@code gy} only if {@code w} does.
 */
public final class Conv2dBackwardInput extends Function {
  private final Conv2dSpec spec;

  private Conv2dBackwardInput(Variable gy, Variable w, Conv2dSpec spec) {
    this.spec = spec;
    save(w.requiresGrad() ? gy : null, gy.requiresGrad() ? w : null);
  }

  public static Variable apply(Variable gy, Variable w, Shape xShape, Conv2dSpec spec) {
    var gx = Convolution.backwardInput(gy.value(), w.value(), xShape,
        spec.stride(), spec.padding(), spec.dilation());
    return record(gx, () -> new Conv2dBackwardInput(gy, w, spec), gy, w);
  }

  @Override
  protected Variable[] backward(Variable ggx) {
    return grads(
        needsGrad(0) ? Conv2d.apply(ggx, saved(1), null, spec) : null,
        needsGrad(1) ? Conv2dBackwardWeight.apply(ggx, saved(0), inputShape(1), spec) : null);
  }
}
