package io.gradlight.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Winograd F(2 x 2, 3 x 3) against the scalar direct convolution, within
 * {@link Tolerances#f32Winograd}: odd and even output planes (the last tile row and column cut),
 * every padding from 0 to 2 and unequal ones, channel counts off the GEMM panels, tile rows
 * shorter and longer than a vector, batches in one group of images and in two, with and without
 * bias; and
 * the stride-1 input gradient that runs through it.
 */
class WinogradConvolutionTest {
  static final List<ConvGeometry> SHAPES = List.of(
      ConvGeometry.of(1, 16, 14, 14, 16, 3, 1, 1, 1),
      ConvGeometry.of(2, 17, 15, 17, 18, 3, 1, 1, 1),
      ConvGeometry.of(1, 16, 16, 30, 20, 3, 1, 0, 1),
      ConvGeometry.of(1, 20, 13, 21, 16, 3, 1, 2, 1),
      ConvGeometry.of(1, 16, 35, 41, 19, 3, 1, 1, 1),
      ConvGeometry.of(VectorConvolution.BATCH + 1, 16, 14, 16, 17, 3, 1, 1, 1),
      ConvGeometry.of(5, 16, 64, 64, 16, 3, 1, 1, 1), // two groups of images: 4 and 1
      new ConvGeometry(1, 16, 14, 20, 16, 3, 3, 1, 1, 1, 0, 1, 1));

  private final Kernels scalar = ScalarKernels.INSTANCE;

  @BeforeEach
  void needsTheVectorApi() {
    assumeTrue(KernelProvider.vectorOrNull() != null, "the Vector API module is not readable");
  }

  @Test
  void appliesToThreeByThreeStrideOneWithEnoughChannelsAndTiles() {
    SHAPES.forEach(g -> assertTrue(WinogradConvolution.applies(g), g.toString()));
    assertEquals(4, WinogradConvolution.imagesPerGroup(SHAPES.get(6)));
    assertEquals(1,
        WinogradConvolution.imagesPerGroup(ConvGeometry.of(8, 64, 56, 56, 64, 3, 1, 1, 1)));
    assertFalse(WinogradConvolution.applies(ConvGeometry.of(1, 16, 14, 14, 16, 3, 2, 1, 1)));
    assertFalse(WinogradConvolution.applies(ConvGeometry.of(1, 16, 14, 14, 16, 3, 1, 2, 2)));
    assertFalse(WinogradConvolution.applies(ConvGeometry.of(1, 16, 14, 14, 16, 1, 1, 0, 1)));
    assertFalse(WinogradConvolution.applies(ConvGeometry.of(1, 8, 14, 14, 16, 3, 1, 1, 1)));
    assertFalse(WinogradConvolution.applies(ConvGeometry.of(1, 16, 7, 7, 16, 3, 1, 1, 1)));
    assertFalse(WinogradConvolution.applies(ConvGeometry.of(1, 256, 14, 14, 256, 3, 1, 1, 1)));
  }

  @Test
  void forwardMatchesTheDirectConvolution() {
    long seed = 900;
    for (ConvGeometry g : SHAPES) {
      float[] x = TestArrays.floats(g.n() * g.cIn() * g.h() * g.w(), seed++);
      float[] w = TestArrays.floats(g.cOut() * g.cIn() * 9, seed++);
      float[] bias = seed % 2 == 0 ? TestArrays.floats(g.cOut(), seed) : null;
      float[] want = new float[g.n() * g.cOut() * g.outH() * g.outW()];
      float[] got = TestArrays.floats(want.length, seed); // must be overwritten
      scalar.conv2d(g, x, w, bias, want);
      WinogradConvolution.forward(g, x, w, bias, got);
      double[] bound = new double[g.cOut()];
      for (int k = 0; k < w.length; k++) {
        bound[k / (g.cIn() * 9)] += Math.abs(w[k]) * max(x);
      }
      for (int o = 0; o < g.cOut() && bias != null; o++) {
        bound[o] += Math.abs(bias[o]);
      }
      assertClose(want, got, g.cIn(), bound, g.outH() * g.outW(), "forward " + g);
    }
  }

  /** With stride 1 the input gradient is the Winograd convolution of gy with flipped weights. */
  @Test
  void inputGradientMatchesTheDirectOne() {
    long seed = 950;
    for (ConvGeometry g : SHAPES) {
      ConvGeometry t = new ConvGeometry(g.n(), g.cOut(), g.outH(), g.outW(), g.cIn(), 3, 3, 1, 1,
          2 - g.padH(), 2 - g.padW(), 1, 1);
      assertTrue(WinogradConvolution.applies(t), t.toString());
      float[] gy = TestArrays.floats(g.n() * g.cOut() * g.outH() * g.outW(), seed++);
      float[] w = TestArrays.floats(g.cOut() * g.cIn() * 9, seed++);
      float[] want = new float[g.n() * g.cIn() * g.h() * g.w()];
      float[] got = TestArrays.floats(want.length, seed); // must be overwritten
      scalar.conv2dBackwardInput(g, gy, w, want);
      VectorConvolution.backwardInput(g, gy, w, got);
      double[] bound = new double[g.cIn()];
      for (int k = 0; k < w.length; k++) {
        bound[k / 9 % g.cIn()] += Math.abs(w[k]) * max(gy);
      }
      assertClose(want, got, g.cOut(), bound, g.h() * g.w(), "input gradient " + g);
    }
  }

  /** Element e of channel e / plane % bound.length within the Winograd bound of that channel. */
  private static void assertClose(float[] want, float[] got, int channels, double[] bound,
      int plane, String what) {
    for (int e = 0; e < want.length; e++) {
      double tolerance = Tolerances.f32Winograd(channels, bound[e / plane % bound.length]);
      assertEquals(want[e], got[e], tolerance, what + " at " + e);
    }
  }

  private static double max(float[] x) {
    double max = 0;
    for (float v : x) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }

  /** A split plane, tile matrix or product that kept a stale value shows as NaN here. */
  @Test
  void staleScratchNeverReachesAResult() {
    StaleScratch.eachOnPoisonedScratch(1 << 18, this::forwardMatchesTheDirectConvolution,
        this::inputGradientMatchesTheDirectOne);
  }
}
