package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/** {@code y = sqrt x}. VJP: {@code gx = gy / (2 y)}. Saves the output {@code y}. */
public final class Sqrt extends Function {

  private Sqrt() {
    saveOutput();
  }

  public static Variable apply(Variable x) {
    return record(x.value().sqrt(), Sqrt::new, x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    return grads(gy.div(output().mul(2)));
  }
}
