package io.gradlight.nn.layers;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;

/** {@code y = tanh x}: PyTorch's {@code nn.Tanh}. */
public final class Tanh extends Module {

  @Override
  protected Variable compute(Variable x) {
    return x.tanh();
  }
}
