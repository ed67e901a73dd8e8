package io.gradlight.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every tolerance of the tensor tests, in one place, and the assertions that apply them.
 *
 * <p>A result element that is a sum of {@code n} terms, each about 1 in size (the tests draw
 * inputs from N(0, 1) or U(-1, 1)), carries a rounding error of at most about
 * {@code (n + 2) u (|result| + n)} with unit roundoff {@code u}, in any summation order (Higham,
 * ch. 3-4). A wrong index or weight gives an error the size of a term, far above it. The bound
 * holds under both the scalar and the vector kernels.
 */
final class Tolerances {
  private Tolerances() {}

  /** Unit roundoff of float32 and float64. */
  static final double F32_UNIT = 0x1p-24;

  static final double F64_UNIT = 0x1p-53;

  /** Headroom over the leading-order bound, for products of terms up to a few units in size. */
  static final double SAFETY = 8;

  /** Relative error allowed in F64 dot-product (adjoint) identities. */
  static final double ADJOINT_F64 = 1e-12;

  static double unit(DType dtype) {
    return dtype == DType.F32 ? F32_UNIT : F64_UNIT;
  }

  /** The allowed error of an element {@code value} that sums {@code length} unit-size terms. */
  static double sum(DType dtype, int length, double value) {
    return SAFETY * (length + 2) * unit(dtype) * (Math.abs(value) + length);
  }

  /**
   * Asserts equal shapes and every element of {@code actual} within {@link #sum} of the
   * reference {@code expected} (computed exactly or in double).
   */
  static void assertClose(Tensor expected, Tensor actual, int length) {
    assertClose(expected, actual, length, actual.dtype());
  }

  /**
   * As {@link #assertClose(Tensor, Tensor, int)}, with the rounding of {@code precision}: for a
   * reference that was itself computed in lower precision than {@code actual}.
   */
  static void assertClose(Tensor expected, Tensor actual, int length, DType precision) {
    assertEquals(expected.shape(), actual.shape(), "shape");
    for (int i = 0; i < expected.size(); i++) {
      double e = expected.getFlat(i);
      double a = actual.getFlat(i);
      double tolerance = sum(precision, length, e);
      if (Double.isNaN(e) ? !Double.isNaN(a) : !(Math.abs(a - e) <= tolerance)) {
        fail("element " + i + " of " + actual.shape() + " (" + actual.dtype() + "): expected " + e
            + " but got " + a + ", difference " + Math.abs(a - e) + " over the tolerance "
            + tolerance);
      }
    }
  }

  /** Asserts the exact same shape and values (bitwise, NaN equal to NaN). */
  static void assertSameValues(Tensor expected, Tensor actual) {
    assertEquals(expected.shape(), actual.shape(), "shape");
    assertEquals(expected.dtype(), actual.dtype(), "dtype");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.getFlat(i), actual.getFlat(i), 0.0, "element " + i);
    }
  }

  /**
   * Asserts {@code <a1, b1> = <a2, b2>} (F64 dot products of equal-shaped pairs) to
   * {@link #ADJOINT_F64} relative to the sums of absolute products.
   */
  static void assertAdjoint(Tensor a1, Tensor b1, Tensor a2, Tensor b2) {
    assertEquals(a1.shape(), b1.shape(), "shapes of the first pair");
    assertEquals(a2.shape(), b2.shape(), "shapes of the second pair");
    double left = 0;
    double leftAbs = 0;
    for (int i = 0; i < a1.size(); i++) {
      left += a1.getFlat(i) * b1.getFlat(i);
      leftAbs += Math.abs(a1.getFlat(i) * b1.getFlat(i));
    }
    double right = 0;
    double rightAbs = 0;
    for (int i = 0; i < a2.size(); i++) {
      right += a2.getFlat(i) * b2.getFlat(i);
      rightAbs += Math.abs(a2.getFlat(i) * b2.getFlat(i));
    }
    assertEquals(left, right, ADJOINT_F64 * Math.max(leftAbs, rightAbs), "adjoint identity");
  }
}
