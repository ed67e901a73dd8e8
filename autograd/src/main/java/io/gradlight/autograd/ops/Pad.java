package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/**
 * {@code y = x} with {@code before[k]} and {@code after[k]} copies of a constant added on each
 * axis {@code k}.
 *
 * <p>VJP: {@code gx = gy} sliced back to the interior on every padded axis (the padding constant
 * gets no gradient). Saves nothing.
 */
public final class Pad extends Function {
  private final int[] before;

  private Pad(int[] before) {
    this.before = before.clone();
  }

  public static Variable apply(Variable x, int[] before, int[] after, double value) {
    return record(x.value().pad(before, after, value), () -> new Pad(before), x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    Variable g = gy;
    for (int k = 0; k < before.length; k++) {
      int size = inputShape(0).dim(k);
      if (g.shape().dim(k) != size) {
        g = g.slice(k, before[k], before[k] + size);
      }
    }
    return grads(g);
  }
}
