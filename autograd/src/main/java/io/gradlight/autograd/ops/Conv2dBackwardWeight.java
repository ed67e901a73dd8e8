package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Convolution;
import io.gradlight.tensor.Shape;

/**
 * Conv2d's weight gradient as an op: {@code gw = BW(x, gy)}, the correlation of {@code x} with
 * {@code gy} summed over the batch, for a weight of shape {@code wShape} (kernel
 * {@code conv2dBackwardWeight}).
 *
 * <p>It is bilinear, and {@code <ggw, BW(x, gy)> = <conv2d(x, ggw), gy>}, so with incoming
 * {@code ggw}: {@code d x = Conv2dBackwardInput(gy, ggw)} and {@code d gy = conv2d(x, ggw)}.
 * Saves {@code gy} only if {@code x} requires grad and {@code x} only if {@code gy} does.
 */
public final class Conv2dBackwardWeight extends Function {
  private final Conv2dSpec spec;

  private Conv2dBackwardWeight(Variable x, Variable gy, Conv2dSpec spec) {
    this.spec = spec;
    save(gy.requiresGrad() ? x : null, x.requiresGrad() ? gy : null);
  }

  public static Variable apply(Variable x, Variable gy, Shape wShape, Conv2dSpec spec) {
    var gw = Convolution.backwardWeight(x.value(), gy.value(), wShape,
        spec.stride(), spec.padding(), spec.dilation());
    return record(gw, () -> new Conv2dBackwardWeight(x, gy, spec), x, gy);
  }

  @Override
  protected Variable[] backward(Variable ggw) {
    return grads(
        needsGrad(0) ? Conv2dBackwardInput.apply(saved(1), ggw, inputShape(0), spec) : null,
        needsGrad(1) ? Conv2d.apply(saved(0), ggw, null, spec) : null);
  }
}
