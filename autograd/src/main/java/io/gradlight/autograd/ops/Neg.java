package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/** {@code y = -x}. VJP: {@code gx = -gy}. Saves nothing. */
public final class Neg extends Function {

  public static Variable apply(Variable x) {
    return record(x.value().neg(), Neg::new, x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    return grads(gy.neg());
  }
}
