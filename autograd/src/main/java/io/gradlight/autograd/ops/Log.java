package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/** {@code y = ln x}. VJP: {@code gx = gy / x}. Saves {@code x}. */
public final class Log extends Function {

  private Log(Variable x) {
    save(x);
  }

  public static Variable apply(Variable x) {
    return record(x.value().log(), () -> new Log(x), x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    return grads(gy.div(saved(0)));
  }
}
