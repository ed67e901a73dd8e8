package io.gradlight.tensor;

import java.util.SplittableRandom;

/**
 * Seeded random tensors. Elements are drawn in row-major order from the given generator, one
 * draw per element (of {@link SplittableRandom#nextDouble()} or
 * {@link SplittableRandom#nextGaussian()}), so the same seed gives the same tensor on every
 * machine and thread count. F32 values are the F64 draws rounded to float.
 */
public final class TensorRandom {
  private TensorRandom() {}

  /** {@code x = lo + (hi - lo) u} with {@code u} uniform on {@code [0, 1)}. */
  public static Tensor uniform(
      DType dtype, Shape shape, double lo, double hi, SplittableRandom rng) {
    if (!(lo <= hi) || Double.isInfinite(hi - lo)) {
      throw new IllegalArgumentException(
          "uniform: needs finite lo <= hi, got lo = " + lo + ", hi = " + hi);
    }
    Tensor t = Tensor.zeros(dtype, shape);
    for (int i = 0; i < t.size(); i++) {
      t.setFlat(i, lo + (hi - lo) * rng.nextDouble());
    }
    return t;
  }

  /** {@code x = mean + std z} with {@code z} standard normal. */
  public static Tensor normal(
      DType dtype, Shape shape, double mean, double std, SplittableRandom rng) {
    if (!(std >= 0) || Double.isInfinite(std) || !Double.isFinite(mean)) {
      throw new IllegalArgumentException(
          "normal: needs a finite mean and a finite std >= 0, got mean = " + mean
              + ", std = " + std);
    }
    Tensor t = Tensor.zeros(dtype, shape);
    for (int i = 0; i < t.size(); i++) {
      t.setFlat(i, mean + std * rng.nextGaussian());
    }
    return t;
  }
}
