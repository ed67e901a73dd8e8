package io.gradlight.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vector max pooling against the reference, bit for bit with the argmax: 2 x 2 / 2 on widths
 * that leave every number of outputs to the scalar tail, every other window on the shapes of the
 * float pooling test (padding, overlaps, odd sizes), with ties, NaN, infinities and signed zeros.
 * Skipped without the Vector API.
 */
class VectorPoolingTest {
  private final ScalarKernels reference = ScalarKernels.INSTANCE;

  @BeforeEach
  void needsTheVectorApi() {
    assumeTrue(KernelProvider.vectorOrNull() != null, "the Vector API module is not readable");
  }

  @Test
  void everyOtherWindowMatchesTheReferenceBitForBit() {
    long seed = 500;
    for (PoolGeometry g : FloatPoolingTest.shapes()) {
      float[] x = FloatPoolingTest.withSpecials(TestArrays.floats(g.planes() * g.h() * g.w(),
          seed++));
      int outputs = g.planes() * g.outH() * g.outW();
      float[] want = new float[outputs];
      float[] got = new float[outputs];
      int[] wantArgmax = new int[outputs];
      int[] gotArgmax = new int[outputs];
      reference.maxPool2d(g, x, want, wantArgmax);
      VectorPooling.maxPool(g, x, got, gotArgmax);
      FloatPoolingTest.assertBitwise(want, got, "maxPool " + g);
      assertArrayEquals(wantArgmax, gotArgmax, g.toString());
    }
  }

  @Test
  void twoByTwoWindowsMatchTheReferenceBitForBit() {
    long seed = 400;
    for (int w = 2; w <= 75; w += w < 40 ? 1 : 7) {
      for (int h : new int[] {2, 5}) {
        PoolGeometry g = PoolGeometry.of(3, h, w, 2, 2, 0);
        float[] x = TestArrays.floats(g.planes() * h * w, seed++);
        for (int i = 0; i < x.length; i += 5) { // ties with the right neighbour
          x[i] = x[Math.min(x.length - 1, i + 1)];
        }
        float[] specials = {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -0f, 0f};
        for (int i = 3; i < x.length; i += 9) {
          x[i] = specials[(i / 9) % specials.length];
        }
        int outputs = g.planes() * g.outH() * g.outW();
        float[] want = new float[outputs];
        float[] got = new float[outputs];
        int[] wantArgmax = new int[outputs];
        int[] gotArgmax = new int[outputs];
        reference.maxPool2d(g, x, want, wantArgmax);
        VectorPooling.maxPool(g, x, got, gotArgmax);
        for (int o = 0; o < outputs; o++) {
          assertEquals(Float.floatToRawIntBits(want[o]), Float.floatToRawIntBits(got[o]),
              g + " output " + o + ": " + want[o] + " vs " + got[o]);
        }
        assertArrayEquals(wantArgmax, gotArgmax, g.toString());
      }
    }
  }

  @Test
  void aWindowOfNegativeInfinitiesPointsAtItsFirstElement() {
    PoolGeometry g = PoolGeometry.of(1, 2, 32, 2, 2, 0);
    float[] x = new float[64];
    Arrays.fill(x, Float.NEGATIVE_INFINITY);
    float[] y = new float[16];
    int[] argmax = new int[16];
    VectorPooling.maxPool(g, x, y, argmax);
    for (int j = 0; j < 16; j++) {
      assertEquals(Float.NEGATIVE_INFINITY, y[j]);
      assertEquals(2 * j, argmax[j]);
    }
  }
}
