package io.gradlight.nn.layers;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;

/** {@code [N, d1, d2, ...] -> [N, d1 d2 ...]}: PyTorch's {@code nn.Flatten()} (start_dim 1). */
public final class Flatten extends Module {

  @Override
  protected Variable compute(Variable x) {
    if (x.rank() < 1) {
      throw new IllegalArgumentException(
          "Flatten needs an input with a batch axis, got " + x.shape());
    }
    return x.reshape(x.shape().dim(0), -1);
  }
}
