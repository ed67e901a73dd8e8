package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/**
 * {@code y = tanh x}. VJP: {@code gx = gy (1 - y^2)}. Saves the output {@code y}; written with
 * ops on {@code y}, the backward gives the higher derivatives too
 * ({@code tanh'' = -2 y (1 - y^2)}, ...).
 */
public final class Tanh extends Function {

  private Tanh() {
    saveOutput();
  }

  public static Variable apply(Variable x) {
    return record(x.value().tanh(), Tanh::new, x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    Variable y = output();
    return grads(gy.mul(y.square().neg().add(1)));
  }
}
