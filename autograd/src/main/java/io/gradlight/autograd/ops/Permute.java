package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/**
 * {@code y = permute(x, axes)}: result axis {@code k} is axis {@code axes[k]} of {@code x}.
 * VJP: {@code gx = permute(gy, inverse)} with {@code inverse[axes[k]] = k}. Saves nothing.
 */
public final class Permute extends Function {
  private final int[] inverse;

  private Permute(int[] axes) {
    inverse = new int[axes.length];
    for (int k = 0; k < axes.length; k++) {
      inverse[axes[k]] = k;
    }
  }

  public static Variable apply(Variable x, int... axes) {
    var y = x.value().permute(axes);
    int[] normalized = new int[axes.length];
    for (int k = 0; k < axes.length; k++) {
      normalized[k] = x.shape().axis(axes[k]);
    }
    return record(y, () -> new Permute(normalized), x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    return grads(gy.permute(inverse));
  }
}
