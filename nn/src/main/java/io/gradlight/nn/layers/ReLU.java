package io.gradlight.nn.layers;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;

/** {@code y = max(x, 0)}: PyTorch's {@code nn.ReLU}. */
public final class ReLU extends Module {

  @Override
  protected Variable compute(Variable x) {
    return x.relu();
  }
}
