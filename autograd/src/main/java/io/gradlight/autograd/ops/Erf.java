package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/**
 * {@code y = erf x} (see {@link ErrorFunction}). VJP: {@code gx = gy 2/sqrt(pi) e^(-x^2)},
 * written with ops on {@code x}, so every higher derivative follows. Saves {@code x}.
 */
public final class Erf extends Function {
  private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

  private Erf(Variable x) {
    save(x);
  }

  public static Variable apply(Variable x) {
    return record(ErrorFunction.erf(x.value()), () -> new Erf(x), x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    Variable x = saved(0);
    return grads(gy.mul(x.square().neg().exp().mul(TWO_OVER_SQRT_PI)));
  }
}
