package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Convolution;

/**
 * 2-D convolution (cross-correlation) as PyTorch's {@code F.conv2d} with groups 1:
 *
 * <pre>
 *   y[n][o][i][j] = b[o] + sum_{c,p,q} x[n][c][i sH - pH + p dH][j sW - pW + q dW] w[o][c][p][q]
 * </pre>
 *
 * <p>VJP: {@code gx = Conv2dBackwardInput(gy, w)} (the transposed convolution),
 * {@code gw = Conv2dBackwardWeight(x, gy)}, {@code gb = sum(gy, axes 0, 2, 3)}. Both backward ops
 * are ops with their own backward, so conv is differentiable to any order. Saves {@code w} only if
 * {@code x} requires grad and {@code x} only if {@code w} does.
 */
public final class Conv2d extends Function {
  private final Conv2dSpec spec;

  private Conv2d(Variable x, Variable w, Conv2dSpec spec) {
    this.spec = spec;
    save(w.requiresGrad() ? x : null, x.requiresGrad() ? w : null);
  }

  /** {@code bias} may be null. */
  public static Variable apply(Variable x, Variable w, Variable bias, Conv2dSpec spec) {
    var y = Convolution.conv2d(x.value(), w.value(), bias == null ? null : bias.value(),
        spec.stride(), spec.padding(), spec.dilation());
    return record(y, () -> new Conv2d(x, w, spec), x, w, bias);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    return grads(
        needsGrad(0) ? Conv2dBackwardInput.apply(gy, saved(1), inputShape(0), spec) : null,
        needsGrad(1) ? Conv2dBackwardWeight.apply(saved(0), gy, inputShape(1), spec) : null,
        needsGrad(2) ? gy.sum(new int[] {0, 2, 3}, false) : null);
  }
}
