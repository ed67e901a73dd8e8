package io.gradlight.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ErrorFunctionTest {
  /** The accuracy promised in the class javadoc. */
  private static final double RELATIVE = 1.5e-15;
  private static final MathContext MC = new MathContext(70);
  private static final BigDecimal PI = new BigDecimal(
      "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899863");
  private static final BigDecimal SQRT_PI = PI.sqrt(MC);

  /**
   * The oracle: the alternating Maclaurin series
   * {@code 2/sqrt(pi) sum (-1)^n x^(2n+1) / (n! (2n+1))}
   * in 70-digit decimal arithmetic; at {@code |x| <= 6.5} its terms reach about {@code 1e17}, so
   * over 50 digits survive the cancellation.
   */
  private static double reference(double x) {
    BigDecimal bx = new BigDecimal(x);
    BigDecimal x2 = bx.multiply(bx, MC);
    BigDecimal power = bx; // x^(2n+1) / n!, with sign
    BigDecimal sum = BigDecimal.ZERO;
    for (int n = 0; n < 400; n++) {
      BigDecimal term = power.divide(BigDecimal.valueOf(2L * n + 1), MC);
      sum = sum.add(term, MC);
      if (term.abs().compareTo(new BigDecimal("1e-40")) < 0) {
        break;
      }
      power = power.multiply(x2, MC).divide(BigDecimal.valueOf(-(n + 1L)), MC);
    }
    return sum.multiply(BigDecimal.valueOf(2), MC).divide(SQRT_PI, MC).doubleValue();
  }

  @Test
  void matchesAHighPrecisionSeriesAcrossTheRealLine() {
    SplittableRandom rng = new SplittableRandom(7);
    double worst = 0;
    for (int i = 0; i < 400; i++) {
      double x = i < 300 ? rng.nextDouble(-6.5, 6.5) : rng.nextDouble(-1e-3, 1e-3);
      double ref = reference(x);
      double relative = Math.abs(ErrorFunction.erf(x) - ref) / Math.abs(ref);
      worst = Math.max(worst, relative);
    }
    assertTrue(worst < RELATIVE, "worst relative error " + worst);
  }

  @Test
  void knownValuesSymmetryAndLimits() {
    assertEquals(0.0, ErrorFunction.erf(0.0), 0);
    assertEquals(reference(2.5), ErrorFunction.erf(2.5), RELATIVE); // where the method switches
    assertEquals(reference(Math.nextDown(2.5)), ErrorFunction.erf(Math.nextDown(2.5)), RELATIVE);
    assertEquals(-ErrorFunction.erf(1.3), ErrorFunction.erf(-1.3), 0);
    assertEquals(1.0, ErrorFunction.erf(7.0), 0);
    assertEquals(-1.0, ErrorFunction.erf(Double.NEGATIVE_INFINITY), 0);
    assertTrue(Double.isNaN(ErrorFunction.erf(Double.NaN)));
  }

  @Test
  void theDerivativeMatchesCentralDifferences() {
    for (double x : new double[] {-3, -1.1, 0, 0.4, 2.2, 2.6, 4}) {
      double h = 1e-5;
      double numeric = (ErrorFunction.erf(x + h) - ErrorFunction.erf(x - h)) / (2 * h);
      assertEquals(numeric, ErrorFunction.derivative(x), 1e-9);
    }
  }

  @Test
  void tensorFormKeepsDtypeAndShape() {
    Tensor x = Tensor.of(new float[] {-1f, 0.5f, 2f}, 3);
    Tensor y = ErrorFunction.erf(x);
    assertEquals(DType.F32, y.dtype());
    assertEquals((float) ErrorFunction.erf(0.5), y.f32()[1], 0);
  }
}
