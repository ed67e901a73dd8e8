package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/**
 * {@code y = |x|}. VJP: {@code gx = gy * sign(x)}, with the constant {@code sign(x)} (0 at 0, as
 * PyTorch); its derivative is zero away from the kink. Saves {@code x}.
 */
public final class Abs extends Function {

  private Abs(Variable x) {
    save(x);
  }

  public static Variable apply(Variable x) {
    return record(x.value().abs(), () -> new Abs(x), x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    return grads(gy.mul(Variable.constant(saved(0).value().sign())));
  }
}
