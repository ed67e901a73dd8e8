package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/**
 * {@code y = 1 / (1 + e^-x)}. VJP: {@code gx = gy y (1 - y)}. Saves the output {@code y}.
 */
public final class Sigmoid extends Function {

  private Sigmoid() {
    saveOutput();
  }

  public static Variable apply(Variable x) {
    return record(x.value().sigmoid(), Sigmoid::new, x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    Variable y = output();
    return grads(gy.mul(y).mul(y.neg().add(1)));
  }
}
