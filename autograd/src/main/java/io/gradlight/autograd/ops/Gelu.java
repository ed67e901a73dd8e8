package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Tensor;

/**
 * The exact GELU, {@code y = x Phi(x)} with the standard normal CDF
 * {@code Phi(x) = (1 + erf(x / sqrt 2)) / 2} (PyTorch's {@code approximate='none'}).
 *
 * <p>VJP: {@code gx = gy (Phi(x) + x phi(x))} with the density
 * {@code phi(x) = e^(-x^2/2) / sqrt(2 pi)}, written with ops on {@code x} ({@link Erf}, exp), so
 * {@code y'' = phi (2 - x^2)} and {@code y''' = phi (x^3 - 4x)} follow. Saves {@code x}.
 */
public final class Gelu extends Function {
  private static final double INV_SQRT2 = 1 / Math.sqrt(2);
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  private Gelu(Variable x) {
    save(x);
  }

  public static Variable apply(Variable x) {
    Tensor cdf = ErrorFunction.erf(x.value().mul(INV_SQRT2)).add(1).mul(0.5);
    return record(x.value().mul(cdf), () -> new Gelu(x), x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    Variable x = saved(0);
    Variable cdf = x.mul(INV_SQRT2).erf().add(1).mul(0.5);
    Variable density = x.square().mul(-0.5).exp().mul(INV_SQRT_2PI);
    return grads(gy.mul(cdf.add(x.mul(density))));
  }
}
