package io.gradlight.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The vector elementwise kernels and sums against the scalar reference, over lengths that cut
 * the vector loop and its tail everywhere, at offsets, with NaN, infinities and signed zeros.
 * Exact operations must match bit for bit. Skipped without the Vector API.
 */
class VectorElementwiseTest {
  /** Lengths around the vector width; parallel chunks are covered by DeterminismTest. */
  static final int[] LENGTHS = {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 65, 1000};
  static final float[] SPECIALS = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
      -0f, 0f, 80f, -80f, 1e-30f};
  static final Set<UnaryOp> APPROXIMATE_UNARY =
      EnumSet.of(UnaryOp.EXP, UnaryOp.LOG, UnaryOp.TANH, UnaryOp.SIGMOID);

  private Kernels vector;
  private final Kernels scalar = ScalarKernels.INSTANCE;

  @BeforeEach
  void needsTheVectorApi() {
    vector = KernelProvider.vectorOrNull();
    assumeTrue(vector != null, "the Vector API module is not readable");
  }

  @ParameterizedTest
  @EnumSource(UnaryOp.class)
  void unaryMatchesTheReference(UnaryOp op) {
    for (int n : LENGTHS) {
      float[] x = inputs(n + 3, n);
      float[] want = new float[n + 2];
      float[] got = new float[n + 2];
      scalar.unary(op, x, 3, want, 2, n);
      vector.unary(op, x, 3, got, 2, n);
      float[] inPlace = x.clone();
      vector.unary(op, inPlace, 3, inPlace, 3, n);
      for (int i = 0; i < n + 2; i++) {
        assertClose(want[i], got[i], APPROXIMATE_UNARY.contains(op), op + " n=" + n + " at " + i);
      }
      for (int i = 0; i < n; i++) {
        assertEquals(got[2 + i], inPlace[3 + i], 0f, op + " in place n=" + n + " at " + i);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(BinaryOp.class)
  void binaryAndBinaryScalarMatchTheReference(BinaryOp op) {
    for (int n : LENGTHS) {
      float[] a = inputs(n + 1, 2 * n);
      float[] b = inputs(n + 2, 2 * n + 1);
      float[] want = new float[n];
      float[] got = new float[n];
      scalar.binary(op, a, 1, b, 2, want, 0, n);
      vector.binary(op, a, 1, b, 2, got, 0, n);
      for (int i = 0; i < n; i++) {
        assertClose(want[i], got[i], op == BinaryOp.POW, op + " n=" + n + " at " + i);
      }
      scalar.binaryScalar(op, a, 1, 0.75f, want, 0, n);
      vector.binaryScalar(op, a, 1, 0.75f, got, 0, n);
      for (int i = 0; i < n; i++) {
        assertClose(want[i], got[i], op == BinaryOp.POW, op + " scalar n=" + n + " at " + i);
      }
    }
  }

  @Test
  void reluBackwardMatchesBitForBit() {
    for (int n : LENGTHS) {
      float[] gy = inputs(n, 5 * n);
      float[] x = inputs(n, 5 * n + 1);
      float[] want = new float[n];
      float[] got = new float[n];
      scalar.reluBackward(gy, x, want, n);
      vector.reluBackward(gy, x, got, n);
      for (int i = 0; i < n; i++) {
        assertEquals(want[i], got[i], 0f, "n=" + n + " at " + i);
      }
    }
  }

  @Test
  void sumAndGlobalAvgPoolMatchTheReference() {
    for (int n : LENGTHS) {
      float[] x = TestArrays.floats(n + 4, 7 * n);
      double absSum = scalar.sum(TestArrays.abs(x), 4, n);
      assertEquals(scalar.sum(x, 4, n), vector.sum(x, 4, n), Tolerances.f64Sum(n, absSum),
          "n=" + n);
      int planes = 3;
      float[] planesX = TestArrays.floats(planes * n, 7 * n + 1);
      float[] want = new float[planes];
      float[] got = new float[planes];
      if (n > 0) {
        scalar.globalAvgPool(planes, n, planesX, want);
        vector.globalAvgPool(planes, n, planesX, got);
      }
      for (int p = 0; p < planes; p++) {
        double bound = 2 * Tolerances.F32_UNIT * Math.abs(want[p])
            + Tolerances.f64Sum(n, scalar.sum(TestArrays.abs(planesX), p * n, n)) / Math.max(1, n);
        assertEquals(want[p], got[p], bound, "n=" + n + " plane " + p);
      }
    }
  }

  /** Uniform values in [-2, 2), the specials first when there is room. */
  private static float[] inputs(int n, long seed) {
    float[] x = TestArrays.floats(n, seed);
    for (int i = 0; i < n; i++) {
      x[i] *= 2;
    }
    if (n > SPECIALS.length + 2 * 8) {
      System.arraycopy(SPECIALS, 0, x, 1, SPECIALS.length);
    }
    return x;
  }

  private static void assertClose(float want, float got, boolean approximate, String what) {
    boolean finite = Float.isFinite(want);
    double bound = approximate && finite ? Tolerances.F32_TRANSCENDENTAL_ULPS * Math.ulp(want) : 0;
    assertEquals(want, got, bound, what);
  }
}
