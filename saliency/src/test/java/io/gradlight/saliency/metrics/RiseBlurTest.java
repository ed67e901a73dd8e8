package io.gradlight.saliency.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RiseBlurTest {
  /** Double arithmetic on sums of at most 121 terms of size at most 1. */
  private static final double TOLERANCE = 1e-12;

  /**
   * The reference's kernel, from scipy 1.17.1 (an independent implementation): {@code
   * scipy.ndimage.gaussian_filter(d, 5)} with {@code d} an 11 x 11 zero array with a 1 at [5, 5],
   * row 5 of the result divided by its sum (the 1-D factor; the kernel is its outer product).
   */
  private static final double[] SCIPY_FACTOR = {
    0.08795814577727815, 0.08889611977709484, 0.09047419654910865, 0.09219111781938806,
    0.09348938844291409, 0.09398206326843248, 0.09348938844291409, 0.09219111781938806,
    0.09047419654910865, 0.08889611977709484, 0.08795814577727815
  };

  /** {@code gaussian_filter(d, 5)[0, 0]} and {@code [5, 5]} of the same call. */
  private static final double SCIPY_CORNER = 0.007736635408576913;

  private static final double SCIPY_CENTRE = 0.008832628216191647;

  @Test
  void reflectIsHalfSampleSymmetricAndRepeats() {
    // n = 4: ... d c b a | a b c d | d c b a | a b c d ...
    int[] expected = {0, 1, 2, 3, 3, 2, 1, 0, 0, 1, 2, 3, 3, 2, 1, 0};
    for (int k = -8; k < 8; k++) {
      assertEquals(expected[k + 8], RiseBlur.reflect(k, 4), "position " + k);
    }
    assertEquals(0, RiseBlur.reflect(16, 4));
  }

  @Test
  void theKernelIsScipysFilteredDelta() {
    double[] f = RiseBlur.kernel1d();
    assertArrayEquals(SCIPY_FACTOR, f, 1e-9);
    assertEquals(1, Arrays.stream(f).sum(), TOLERANCE);
    assertEquals(SCIPY_CORNER, f[0] * f[0], 1e-9);
    assertEquals(SCIPY_CENTRE, f[5] * f[5], 1e-9);
  }

  @Test
  void aDeltaBecomesTheKernelAndZeroPaddingDarkensTheBorder() {
    int size = 24;
    double[] f = RiseBlur.kernel1d();
    double[] delta = new double[size * size];
    delta[12 * size + 12] = 1;
    Tensor blurredDelta = RiseBlur.apply(Tensor.of(delta, 1, 1, size, size));
    for (int a = 0; a < 11; a++) {
      for (int b = 0; b < 11; b++) {
        assertEquals(f[a] * f[b], blurredDelta.get(0, 0, 12 + a - 5, 12 + b - 5), TOLERANCE);
      }
    }
    assertEquals(0, blurredDelta.get(0, 0, 12, 18), 0, "6 px away: outside the kernel");

    Tensor ones = RiseBlur.apply(Tensor.ones(DType.F64, 2, 3, size, size));
    double inside = 0; // the share of the kernel that stays in the image at an edge pixel
    for (int q = 5; q < 11; q++) {
      inside += f[q];
    }
    assertEquals(1, ones.get(1, 2, 12, 12), TOLERANCE);
    assertEquals(inside, ones.get(1, 2, 0, 12), TOLERANCE);
    assertEquals(inside * inside, ones.get(0, 1, 0, 0), TOLERANCE);
    assertEquals(inside * inside, ones.get(0, 0, size - 1, size - 1), TOLERANCE);
  }

  @Test
  void keepsTheDtypeAndShape() {
    Tensor x = Tensor.ones(DType.F32, 1, 3, 7, 9);
    Tensor y = RiseBlur.apply(x);
    assertEquals(DType.F32, y.dtype());
    assertEquals(Shape.of(1, 3, 7, 9), y.shape());
    assertThrows(IllegalArgumentException.class,
        () -> RiseBlur.apply(Tensor.ones(DType.F32, 3, 7, 9)));
  }
}
