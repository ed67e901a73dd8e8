package io.gradlight.tensor.kernels;

/**
 * Every tolerance of the kernel tests, in one place. The bounds are the standard rounding-error
 * bounds (Higham, Accuracy and Stability of Numerical Algorithms, ch. 3-4) with unit roundoff
 * {@code u}: a sum of {@code n} terms, accumulated in any order, is within
 * {@code (n + 1) u sum|terms|} of the exact sum, where {@code sum|terms|} is computed by the
 * reference kernel on the absolute values of the inputs. A wrong index gives an error of the size
 * of a term, far above these bounds.
 */
final class Tolerances {
  private Tolerances() {}

  /** The unit roundoff of float32, {@code 2^-24}. */
  static final double F32_UNIT = 0x1p-24;

  /** The unit roundoff of float64, {@code 2^-53}. */
  static final double F64_UNIT = 0x1p-53;

  /**
   * Ulps of float32 that the Vector API's transcendental functions (exp, log, tanh) and our
   * compositions of them (sigmoid) may differ from the correctly rounded double result.
   */
  static final double F32_TRANSCENDENTAL_ULPS = 4;

  /**
   * The largest error of a float32 sum of {@code length} terms whose absolute values add to
   * {@code absSum}, accumulated in float32 in any order (with or without FMA), then stored.
   */
  static double f32Sum(int length, double absSum) {
    return (length + 2) * F32_UNIT * absSum;
  }

  /**
   * The largest difference between a reference float32 result (accumulated in double, rounded
   * once) and the exact value {@code ref}: one rounding of the result plus the double sum's error.
   */
  static double f32Rounded(int length, double ref, double absSum) {
    return F32_UNIT * Math.abs(ref) + (length + 1) * F64_UNIT * absSum;
  }

  /** The largest error of a float64 sum of {@code length} terms of absolute sum {@code absSum}. */
  static double f64Sum(int length, double absSum) {
    return (length + 1) * F64_UNIT * absSum;
  }

  /**
   * The largest error of a Winograd F(2 x 2, 3 x 3) convolution output over {@code channels}
   * input channels, with {@code bound} = max|x| times the sum of |w| over the output channel's
   * weights. Along each axis, the absolute values of the transform paths from a weight and an
   * input to an output add up to at most 4 (against 1 for the direct product), so 16 in two
   * dimensions; each path is rounded in the channel sum and in at most a dozen transform adds.
   */
  static double f32Winograd(int channels, double bound) {
    return 16 * (channels + 12) * F32_UNIT * bound;
  }
}
