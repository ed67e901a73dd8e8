package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/**
 * SiLU (swish), {@code y = x sigmoid(x)}.
 *
 * <p>VJP: {@code gx = gy s (1 + x (1 - s))} with {@code s = sigmoid(x)}, written with ops on
 * {@code x}. Saves {@code x}.
 */
public final class Silu extends Function {

  private Silu(Variable x) {
    save(x);
  }

  public static Variable apply(Variable x) {
    return record(x.value().mul(x.value().sigmoid()), () -> new Silu(x), x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    Variable x = saved(0);
    Variable s = x.sigmoid();
    return grads(gy.mul(s.mul(x.mul(s.neg().add(1)).add(1))));
  }
}
