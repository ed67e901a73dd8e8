package io.gradlight.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The vector per-channel kernels against the scalar reference, with rows that cut the vector
 * loops and their tails everywhere and NaN, infinities and signed zeros in the data: the
 * elementwise kernels bit for bit, the reductions within the bound of a double sum. Skipped
 * without the Vector API.
 */
class VectorPerChannelTest {
  private static final int[] INNER = {1, 2, 7, 8, 9, 16, 17, 33, 1000};

  private Kernels vector;
  private final Kernels scalar = ScalarKernels.INSTANCE;

  @BeforeEach
  void needsTheVectorApi() {
    vector = KernelProvider.vectorOrNull();
    assumeTrue(vector != null, "the Vector API module is not readable");
  }

  @ParameterizedTest
  @EnumSource(BinaryOp.class)
  void binaryMatchesTheReference(BinaryOp op) {
    for (int inner : INNER) {
      for (int channels : new int[] {1, 3, 33}) {
        ChannelLayout l = new ChannelLayout(2, channels, inner);
        float[] a = withSpecials(TestArrays.floats(l.size(), 11 * inner + channels));
        float[] perChannel = withSpecials(TestArrays.floats(channels, 13 * inner + channels));
        float[] want = new float[l.size()];
        float[] got = new float[l.size()];
        scalar.binaryPerChannel(op, l, a, perChannel, want);
        vector.binaryPerChannel(op, l, a, perChannel, got);
        float[] inPlace = a.clone();
        vector.binaryPerChannel(op, l, inPlace, perChannel, inPlace);
        for (int i = 0; i < l.size(); i++) {
          assertEquals(want[i], got[i], 0f, op + " " + l + " at " + i);
          assertEquals(got[i], inPlace[i], 0f, op + " in place " + l + " at " + i);
        }
      }
    }
  }

  @Test
  void affineMatchesBitForBit() {
    for (int inner : INNER) {
      ChannelLayout l = new ChannelLayout(2, 3, inner);
      float[] x = withSpecials(TestArrays.floats(l.size(), 19 * inner));
      float[] scale = TestArrays.floats(3, 19 * inner + 1);
      float[] shift = TestArrays.floats(3, 19 * inner + 2);
      float[] want = new float[l.size()];
      float[] got = new float[l.size()];
      scalar.affinePerChannel(l, x, scale, shift, want);
      vector.affinePerChannel(l, x, scale, shift, got);
      for (int i = 0; i < l.size(); i++) {
        assertEquals(want[i], got[i], 0f, l + " at " + i);
      }
    }
  }

  @Test
  void reductionsMatchTheReferenceWithinADoubleSum() {
    for (int inner : INNER) {
      ChannelLayout l = new ChannelLayout(3, 4, inner);
      int m = l.outer() * inner;
      float[] x = TestArrays.floats(l.size(), 17 * inner);
      float[] b = TestArrays.floats(l.size(), 17 * inner + 1);
      double[] means = {0.5, -0.25, 0, 3};
      double[] want = new double[4];
      double[] got = new double[4];
      double[] bound = new double[4];

      scalar.sumPerChannel(l, TestArrays.abs(x), bound);
      scalar.sumPerChannel(l, x, want);
      vector.sumPerChannel(l, x, got);
      assertClose(want, got, bound, m, "sum " + l);

      scalar.dotPerChannel(l, TestArrays.abs(x), TestArrays.abs(b), bound);
      scalar.dotPerChannel(l, x, b, want);
      vector.dotPerChannel(l, x, b, got);
      assertClose(want, got, bound, m, "dot " + l);

      scalar.squaredDeviationsPerChannel(l, x, means, want);
      vector.squaredDeviationsPerChannel(l, x, means, got);
      assertClose(want, got, want, m, "squared deviations " + l);
    }
  }

  /** Each channel within the error bound of two double sums of m terms of absolute sum bound. */
  private static void assertClose(double[] want, double[] got, double[] bound, int m,
      String what) {
    for (int c = 0; c < want.length; c++) {
      assertEquals(want[c], got[c], 2 * Tolerances.f64Sum(m, bound[c]), what + " channel " + c);
    }
  }

  /** NaN, infinities and signed zeros at the start, when there is room. */
  private static float[] withSpecials(float[] x) {
    float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f};
    System.arraycopy(specials, 0, x, 0, Math.min(specials.length, x.length / 4));
    return x;
  }
}
