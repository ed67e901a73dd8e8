package io.gradlight.nn.layers;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;

/**
 * The exact {@code y = x Phi(x)} with the standard normal CDF {@code Phi}: PyTorch's {@code
 * nn.GELU()} ({@code approximate='none'}).
 */
public final class GELU extends Module {

  @Override
  protected Variable compute(Variable x) {
    return x.gelu();
  }
}
