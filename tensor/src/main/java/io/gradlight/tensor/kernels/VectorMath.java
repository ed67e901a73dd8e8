package io.gradlight.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, log, tanh and sigmoid of float vectors, built from lanewise +, -, *, fma, min, max and bit
 * operations only, with the classic Cephes single-precision polynomials (S. Moshier, Cephes Math
 * Library: expf, logf, tanhf), accurate to about 1 ulp (2 for tanh).
 *
 * <p>Why not {@code lanewise(VectorOperators.EXP)}: its result depends on whether the JIT has
 * compiled the calling loop (compiled code calls a vendor math library, the interpreter computes
 * each lane with {@code Math.exp}), so the same call could give different bits before and after
 * warm-up, and different bits on different threads. The basic operations used here are exact
 * IEEE 754 in every mode, so these functions give the same bits everywhere.
 */
final class VectorMath {
  private VectorMath() {}

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> I = S.withLanes(int.class);

  /** ln 2 split in a part with few significant bits (so {@code n LN2_HI} is exact) and the rest. */
  private static final float LN2_HI = 0.693359375f;
  private static final float LN2_LO = -2.12194440e-4f;
  private static final float LOG2E = 1.44269504088896341f;
  /** Adding and subtracting 1.5 2^23 rounds a float of magnitude below 2^22 to an integer. */
  private static final float ROUND = 12582912f;
  private static final float SQRT_HALF = 0.707106781186547524f;

  /** Cephes expf: {@code e^r ~ 1 + r + r^2 P(r)} on {@code |r| <= ln2 / 2}. */
  private static final float[] EXP_POLY = {1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f,
      4.1665795894e-2f, 1.6666665459e-1f, 5.0000001201e-1f};
  /** Cephes logf: {@code ln(1 + f) ~ f - f^2 / 2 + f^3 P(f)} for {@code 1 + f} in [0.707, 1.414). */
  private static final float[] LOG_POLY = {7.0376836292e-2f, -1.1514610310e-1f, 1.1676998740e-1f,
      -1.2420140846e-1f, 1.4249322787e-1f, -1.6668057665e-1f, 2.0000714765e-1f, -2.4999993993e-1f,
      3.3333331174e-1f};
  /** Cephes tanhf: {@code tanh x ~ x + x^3 P(x^2)} on {@code |x| < 0.625}. */
  private static final float[] TANH_POLY = {-5.70498872745e-3f, 2.06390887954e-2f,
      -5.37397155531e-2f, 1.33314422036e-1f, -3.33332819422e-1f};

  /**
   * {@code e^x}: {@code x = n ln2 + r} with {@code |r| <= ln2 / 2}, a degree-6 polynomial for
   * {@code e^r}, times {@code 2^n} applied as two exact power-of-two factors so that results in the
   * subnormal range round once. Inputs are clamped to [-104, 89] first: beyond, the result is 0 or
   * infinity anyway, and n stays where the exponent arithmetic is valid. NaN stays NaN.
   */
  static FloatVector exp(FloatVector x) {
    FloatVector t = x.max(-104f).min(89f);
    FloatVector n = t.mul(LOG2E).add(ROUND).sub(ROUND);
    FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), t);
    r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
    FloatVector p = horner(r, EXP_POLY).mul(r.mul(r)).add(r).add(1f);
    IntVector k = (IntVector) n.convert(VectorOperators.F2I, 0);
    IntVector half = k.lanewise(VectorOperators.ASHR, 1);
    return p.mul(powerOfTwo(half)).mul(powerOfTwo(k.sub(half)));
  }

  /** {@code c[0] x^(n-1) + c[1] x^(n-2) + ... + c[n-1]} by Horner's rule, one FMA a step. */
  private static FloatVector horner(FloatVector x, float[] c) {
    FloatVector p = FloatVector.broadcast(S, c[0]);
    for (int i = 1; i < c.length; i++) {
      p = p.fma(x, FloatVector.broadcast(S, c[i]));
    }
    return p;
  }

  /** {@code 2^k} for {@code -126 <= k <= 127}, built from its exponent bits. */
  private static FloatVector powerOfTwo(IntVector k) {
    return k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
  }

  /**
   * {@code ln x}: {@code x = m 2^e} with {@code m} in {@code [sqrt(1/2), sqrt 2)}, a degree-8
   * polynomial for {@code ln m}, plus {@code e ln 2} in two parts. Subnormals are scaled by
   * {@code 2^23} first. Gives NaN below zero, -infinity at zero, infinity at infinity.
   */
  static FloatVector log(FloatVector x) {
    VectorMask<Float> subnormal = x.compare(VectorOperators.LT, Float.MIN_NORMAL);
    FloatVector scaled = x.blend(x.mul(8388608f), subnormal);
    IntVector bits = scaled.reinterpretAsInts();
    IntVector exponent = bits.lanewise(VectorOperators.LSHR, 23).and(0xff).sub(126)
        .sub(IntVector.zero(I).blend(23, subnormal.cast(I)));
    // the mantissa with the exponent of 0.5: m in [0.5, 1)
    FloatVector m = bits.and(0x807fffff).or(0x3f000000).reinterpretAsFloats();
    FloatVector e = (FloatVector) exponent.convert(VectorOperators.I2F, 0);
    VectorMask<Float> low = m.compare(VectorOperators.LT, SQRT_HALF);
    e = e.sub(FloatVector.zero(S).blend(1f, low));
    FloatVector f = m.add(m.blend(0f, low.not())).sub(1f); // 2m - 1 when m is low, else m - 1
    FloatVector z = f.mul(f);
    FloatVector y = horner(f, LOG_POLY).mul(f).mul(z);
    y = e.fma(FloatVector.broadcast(S, LN2_LO), y);
    y = z.fma(FloatVector.broadcast(S, -0.5f), y);
    FloatVector result = e.fma(FloatVector.broadcast(S, LN2_HI), f.add(y));
    result = result.blend(Float.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0f));
    result = result.blend(Float.NaN, x.compare(VectorOperators.LT, 0f));
    return result.blend(x, x.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY)
        .or(x.compare(VectorOperators.NE, x)));
  }

  /**
   * {@code tanh x}: an odd degree-11 polynomial for {@code |x| < 0.625}, where {@code 1 - e}
   * would cancel, else {@code sign(x) (1 - 2 / (e^{2|x|} + 1))}.
   */
  static FloatVector tanh(FloatVector x) {
    FloatVector z = x.abs();
    FloatVector z2 = x.mul(x);
    FloatVector small = horner(z2, TANH_POLY).mul(z2).fma(x, x);
    FloatVector large = FloatVector.broadcast(S, 1f)
        .sub(FloatVector.broadcast(S, 2f).div(exp(z.add(z)).add(1f)));
    large = large.blend(large.neg(), x.compare(VectorOperators.LT, 0f));
    return small.blend(large, z.compare(VectorOperators.GE, 0.625f));
  }

  /**
   * {@code 1 / (1 + e^-x)} as {@code s = 1 / (1 + e)} with {@code e = e^-|x|}, then {@code s}
   * for {@code x >= 0} and {@code e s} otherwise: exp never overflows, and tiny results stay
   * accurate instead of rounding to zero.
   */
  static FloatVector sigmoid(FloatVector x) {
    FloatVector e = exp(x.abs().neg());
    FloatVector s = FloatVector.broadcast(S, 1f).div(e.add(1f));
    return s.blend(e.mul(s), x.compare(VectorOperators.LT, 0f));
  }
}
