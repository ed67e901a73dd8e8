package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/**
 * ReLU's backward as an op: {@code out = gy} where {@code mask > 0}, else 0 (the kernel
 * {@code reluBackward}; PyTorch's {@code threshold_backward}).
 *
 * <p>Linear in {@code gy}, piecewise constant in {@code mask}. VJP with incoming {@code g}:
 * {@code d gy = ReluBackward(g, mask)}, {@code d mask = 0} (almost everywhere). Saves
 * {@code mask}.
 */
public final class ReluBackward extends Function {

  private ReluBackward(Variable mask) {
    save(mask);
  }

  public static Variable apply(Variable gy, Variable mask) {
    return record(gy.value().reluBackward(mask.value()), () -> new ReluBackward(mask), gy, mask);
  }

  @Override
  protected Variable[] backward(Variable g) {
    return grads(needsGrad(0) ? apply(g, saved(0)) : null, null);
  }
}
