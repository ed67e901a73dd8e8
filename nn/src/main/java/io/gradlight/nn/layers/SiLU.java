package io.gradlight.nn.layers;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;

/** {@code y = x sigmoid(x)}: PyTorch's {@code nn.SiLU} (swish). */
public final class SiLU extends Module {

  @Override
  protected Variable compute(Variable x) {
    return x.silu();
  }
}
