package io.gradlight.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vector convolution kernels against the scalar reference, with a bound scaled by each
 * output's reduction length, over odd shapes: stride 2, padding, dilation 2, 1x1, rectangular
 * kernels, padding larger than the dilated kernel allows for the stride-1 shortcut, ResNet's stem,
 * and images whose width is not a multiple of the vector length. Skipped without the Vector API.
 */
class VectorConvolutionTest {
  static final List<ConvGeometry> SHAPES = shapes();

  private Kernels vector;
  private final Kernels scalar = ScalarKernels.INSTANCE;

  private static List<ConvGeometry> shapes() {
    List<ConvGeometry> shapes = new ArrayList<>(ScalarConvolutionTest.SHAPES);
    shapes.add(ConvGeometry.of(2, 5, 19, 23, 9, 3, 1, 1, 1));
    shapes.add(ConvGeometry.of(1, 3, 12, 33, 17, 3, 1, 2, 2));
    shapes.add(ConvGeometry.of(3, 6, 9, 17, 5, 3, 2, 1, 1));
    shapes.add(ConvGeometry.of(1, 3, 11, 37, 5, 3, 2, 1, 1)); // col2im: two spread vectors a row
    shapes.add(ConvGeometry.of(1, 16, 8, 8, 33, 1, 2, 0, 1));
    shapes.add(ConvGeometry.of(1, 2, 5, 5, 3, 3, 1, 3, 1)); // padding beyond the kernel's reach
    shapes.add(new ConvGeometry(2, 3, 10, 7, 4, 1, 5, 1, 1, 0, 2, 1, 1));
    // batches of VectorConvolution.BATCH images or more: one image per task, and the weight
    // gradient as one GEMM across the images (unpadded: images are views at an offset)
    shapes.add(ConvGeometry.of(VectorConvolution.BATCH, 4, 9, 11, 6, 3, 1, 1, 1));
    shapes.add(ConvGeometry.of(VectorConvolution.BATCH + 1, 3, 9, 10, 5, 3, 2, 1, 1));
    shapes.add(ConvGeometry.of(VectorConvolution.BATCH + 2, 2, 7, 9, 4, 3, 1, 0, 1));
    // 7 x 7 planes: the forward product (and the stride-1 input gradient's) runs transposed;
    // 11 images of 49 positions make two stacked products of at most TRANSPOSED_ROWS rows (so
    // does the strided input gradient of 7 x 7 outputs)
    shapes.add(ConvGeometry.of(1, 16, 7, 7, 32, 3, 1, 1, 1));
    shapes.add(ConvGeometry.of(11, 3, 7, 7, 16, 3, 1, 1, 1));
    shapes.add(ConvGeometry.of(2, 3, 13, 13, 16, 3, 2, 1, 1));
    shapes.add(ConvGeometry.of(11, 2, 13, 13, 4, 3, 2, 1, 1));
    return shapes;
  }

  @BeforeEach
  void needsTheVectorApi() {
    vector = KernelProvider.vectorOrNull();
    assumeTrue(vector != null, "the Vector API module is not readable");
  }

  @Test
  void emptyBatch() {
    ConvGeometry g = ConvGeometry.of(0, 2, 3, 3, 2, 3, 1, 1, 1);
    vector.conv2d(g, new float[0], new float[36], new float[2], new float[0]);
    vector.conv2dBackwardInput(g, new float[0], new float[36], new float[0]);
    float[] gw = TestArrays.floats(36, 3);
    vector.conv2dBackwardWeight(g, new float[0], new float[0], gw);
    assertArrayEquals(new float[36], gw);
  }

  @Test
  void forwardMatchesTheReference() {
    long seed = 200;
    for (ConvGeometry g : SHAPES) {
      float[] x = TestArrays.floats(g.n() * g.cIn() * g.h() * g.w(), seed++);
      float[] w = TestArrays.floats(g.cOut() * g.cIn() * g.kh() * g.kw(), seed++);
      float[] bias = seed % 2 == 0 ? TestArrays.floats(g.cOut(), seed) : null;
      float[] want = new float[g.n() * g.cOut() * g.outH() * g.outW()];
      float[] got = want.clone();
      float[] absSum = want.clone();
      scalar.conv2d(g, x, w, bias, want);
      vector.conv2d(g, x, w, bias, got);
      scalar.conv2d(g, TestArrays.abs(x), TestArrays.abs(w),
          bias == null ? null : TestArrays.abs(bias), absSum);
      assertClose(want, got, absSum, g.cIn() * g.kh() * g.kw() + 1, "forward " + g);
    }
  }

  /**
   * The transposed product {@code y^T = cols^T W^T} gives the same bits as {@code W cols} (the
   * same FMA chains), here on an explicit im2col matrix through the plain GEMM.
   */
  @Test
  void transposedForwardGivesTheBitsOfTheDirectProduct() {
    for (ConvGeometry g : List.of(ConvGeometry.of(1, 16, 7, 7, 32, 3, 1, 1, 1),
        ConvGeometry.of(11, 3, 7, 7, 16, 3, 1, 1, 1))) {
      assertTrue(TransposedConvolution.narrow(g.outH() * g.outW(), g.cOut()), g.toString());
      float[] x = TestArrays.floats(g.n() * g.cIn() * g.h() * g.w(), 7);
      float[] w = TestArrays.floats(g.cOut() * g.cIn() * g.kh() * g.kw(), 8);
      float[] bias = TestArrays.floats(g.cOut(), 9);
      int positions = g.outH() * g.outW();
      int depth = g.cIn() * g.kh() * g.kw();
      float[] got = new float[g.n() * g.cOut() * positions];
      vector.conv2d(g, x, w, bias, got);
      for (int n = 0; n < g.n(); n++) {
        float[] want = new float[g.cOut() * positions];
        for (int o = 0; o < g.cOut(); o++) {
          Arrays.fill(want, o * positions, (o + 1) * positions, bias[o]);
        }
        float[] cols = TestArrays.toFloat(
            ScalarConvolutionTest.im2col(g, TestArrays.toDouble(x), n).getData());
        VectorGemm.gemm(false, false, g.cOut(), positions, depth, w, 0, cols, 0,
            want, 0, true);
        assertArrayEquals(want, Arrays.copyOfRange(got, n * want.length,
            (n + 1) * want.length), g + " image " + n);
      }
    }
  }

  @Test
  void backwardInputMatchesTheReference() {
    long seed = 300;
    for (ConvGeometry g : SHAPES) {
      float[] gy = TestArrays.floats(g.n() * g.cOut() * g.outH() * g.outW(), seed++);
      float[] w = TestArrays.floats(g.cOut() * g.cIn() * g.kh() * g.kw(), seed++);
      float[] want = new float[g.n() * g.cIn() * g.h() * g.w()];
      float[] got = TestArrays.floats(want.length, seed++); // must be overwritten
      float[] absSum = want.clone();
      scalar.conv2dBackwardInput(g, gy, w, want);
      vector.conv2dBackwardInput(g, gy, w, got);
      scalar.conv2dBackwardInput(g, TestArrays.abs(gy), TestArrays.abs(w), absSum);
      assertClose(want, got, absSum, g.cOut() * g.kh() * g.kw(), "backwardInput " + g);
    }
  }

  @Test
  void backwardWeightMatchesTheReference() {
    long seed = 400;
    for (ConvGeometry g : SHAPES) {
      float[] x = TestArrays.floats(g.n() * g.cIn() * g.h() * g.w(), seed++);
      float[] gy = TestArrays.floats(g.n() * g.cOut() * g.outH() * g.outW(), seed++);
      float[] want = new float[g.cOut() * g.cIn() * g.kh() * g.kw()];
      float[] got = TestArrays.floats(want.length, seed++); // must be overwritten
      float[] absSum = want.clone();
      scalar.conv2dBackwardWeight(g, x, gy, want);
      vector.conv2dBackwardWeight(g, x, gy, got);
      scalar.conv2dBackwardWeight(g, TestArrays.abs(x), TestArrays.abs(gy), absSum);
      // the batch adds one rounding per image to each float32 sum
      assertClose(want, got, absSum, g.n() * (g.outH() * g.outW() + 1), "backwardWeight " + g);
    }
  }

  /**
   * The kernels' {@link Scratch} arrays hold stale values: poisoned with NaN (one thread, so every
   * array is the caller's), no NaN reaches an output. A padded image whose border is not zeroed,
   * or a col2im plane that is not cleared, fails here.
   */
  @Test
  void staleScratchNeverReachesAResult() {
    StaleScratch.eachOnPoisonedScratch(1 << 18, this::forwardMatchesTheReference,
        this::backwardInputMatchesTheReference, this::backwardWeightMatchesTheReference);
  }

  private static void assertClose(float[] want, float[] got, float[] absSum, int length,
      String what) {
    assertEquals(want.length, got.length);
    for (int e = 0; e < want.length; e++) {
      assertEquals(want[e], got[e], Tolerances.f32Sum(length, absSum[e]), what + " at " + e);
    }
  }
}
