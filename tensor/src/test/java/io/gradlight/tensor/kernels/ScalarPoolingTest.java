package io.gradlight.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference pooling: cases by hand, then each backward pass as the adjoint of its forward. */
class ScalarPoolingTest {
  private final ScalarKernels k = ScalarKernels.INSTANCE;

  static final List<PoolGeometry> SHAPES = List.of(
      PoolGeometry.of(1, 1, 1, 1, 1, 0),
      PoolGeometry.of(3, 7, 5, 2, 2, 0),
      PoolGeometry.of(2, 9, 8, 3, 2, 1),
      PoolGeometry.of(2, 6, 7, 3, 1, 1),
      new PoolGeometry(2, 5, 9, 2, 3, 1, 2, 1, 1));

  @Test
  void emptyPlanesAreANoOp() {
    PoolGeometry g = PoolGeometry.of(0, 4, 4, 2, 2, 0);
    k.maxPool2d(g, new float[0], new float[0], new int[0]);
    k.avgPool2dBackward(g, new double[0], new double[0]);
  }

  @Test
  void maxPoolTakesTheFirstMaximumAndPropagatesNaN() {
    double[] x = {
        1, 3, 3, 0,
        2, 0, 1, 5,
        Double.NaN, 1, 2, 2,
        0, 0, 2, 1};
    double[] y = new double[4];
    int[] argmax = new int[4];
    k.maxPool2d(PoolGeometry.of(1, 4, 4, 2, 2, 0), x, y, argmax);
    assertArrayEquals(new double[] {3, 5, Double.NaN, 2}, y, 0.0);
    assertArrayEquals(new int[] {1, 7, 8, 10}, argmax);
  }

  @Test
  void maxPoolPaddingIsNegativeInfinityAndAvgPoolPaddingIsZero() {
    float[] x = {-5, -1, -2, -3, -4, -6, -7, -8, -9};
    PoolGeometry g = PoolGeometry.of(1, 3, 3, 3, 2, 1);
    float[] y = new float[4];
    int[] argmax = new int[4];
    k.maxPool2d(g, x, y, argmax);
    assertArrayEquals(new float[] {-1, -1, -3, -4}, y);
    assertArrayEquals(new int[] {1, 1, 3, 4}, argmax);
    k.avgPool2d(g, x, y);
    float[] want = {(-5 - 1 - 3 - 4) / 9f, (-1 - 2 - 4 - 6) / 9f, (-3 - 4 - 7 - 8) / 9f,
        (-4 - 6 - 8 - 9) / 9f};
    assertArrayEquals(want, y, 1e-6f);
  }

  @Test
  void maxPoolBackwardAddsWhereWindowsOverlap() {
    // 1x3 plane, window 1x2, stride 1: both windows pick the middle element.
    PoolGeometry g = new PoolGeometry(1, 1, 3, 1, 2, 1, 1, 0, 0);
    double[] y = new double[2];
    int[] argmax = new int[2];
    k.maxPool2d(g, new double[] {0, 9, 1}, y, argmax);
    double[] gx = {7, 7, 7};
    k.maxPool2dBackward(g, new double[] {0.25, 0.5}, argmax, gx);
    assertArrayEquals(new double[] {0, 0.75, 0}, gx, 0.0);
  }

  @Test
  void backwardPassesAreTheAdjointsOfTheForwardPasses() {
    long seed = 70;
    for (PoolGeometry g : SHAPES) {
      double[] x = TestArrays.doubles(g.planes() * g.h() * g.w(), seed++);
      double[] gy = TestArrays.doubles(g.planes() * g.outH() * g.outW(), seed++);
      double[] y = new double[gy.length];
      int[] argmax = new int[gy.length];
      double[] gx = new double[x.length];
      double tol = Tolerances.f64Sum(x.length * g.kh() * g.kw(),
          TestArrays.dot(TestArrays.abs(x), TestArrays.abs(x)) + TestArrays.dot(gy, gy));

      k.maxPool2d(g, x, y, argmax);
      k.maxPool2dBackward(g, gy, argmax, gx);
      assertEquals(TestArrays.dot(y, gy), TestArrays.dot(x, gx), tol, "max " + g);

      k.avgPool2d(g, x, y);
      k.avgPool2dBackward(g, gy, gx);
      assertEquals(TestArrays.dot(y, gy), TestArrays.dot(x, gx), tol, "avg " + g);
    }
  }
}
