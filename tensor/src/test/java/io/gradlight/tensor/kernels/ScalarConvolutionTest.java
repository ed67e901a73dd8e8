package io.gradlight.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The reference convolution: a hand-computed case, an independent formula (explicit im2col and an
 * EJML product) for the forward pass, and the adjoint identities for both backward passes:
 * {@code <conv(x, w), gy> = <x, backwardInput(gy, w)> = <w, backwardWeight(x, gy)>}.
 */
class ScalarConvolutionTest {
  private final ScalarKernels k = ScalarKernels.INSTANCE;

  /** Shapes covering stride 2, padding, dilation 2, 1x1, rectangular kernels and ResNet's stem. */
  static final List<ConvGeometry> SHAPES = List.of(
      ConvGeometry.of(1, 1, 1, 1, 1, 1, 1, 0, 1),
      ConvGeometry.of(2, 3, 7, 5, 4, 3, 1, 1, 1),
      ConvGeometry.of(1, 2, 9, 9, 3, 3, 2, 1, 1),
      ConvGeometry.of(2, 3, 8, 7, 2, 3, 1, 2, 2),
      ConvGeometry.of(1, 5, 6, 6, 7, 1, 1, 0, 1),
      ConvGeometry.of(1, 4, 7, 9, 3, 1, 2, 0, 1),
      ConvGeometry.of(1, 3, 17, 15, 4, 7, 2, 3, 1),
      new ConvGeometry(1, 2, 6, 8, 3, 2, 3, 1, 2, 0, 1, 1, 1));

  @Test
  void emptyBatchWritesNothingAndZeroWeightGradient() {
    ConvGeometry g = ConvGeometry.of(0, 2, 3, 3, 2, 3, 1, 1, 1);
    k.conv2d(g, new float[0], new float[36], null, new float[0]);
    k.conv2dBackwardInput(g, new float[0], new float[36], new float[0]);
    double[] gw = TestArrays.doubles(36, 1);
    k.conv2dBackwardWeight(g, new double[0], new double[0], gw);
    assertArrayEquals(new double[36], gw, 0.0);
  }

  @Test
  void forwardByHandWithStrideTwoAndPadding() {
    // x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]], w = [[1, 0], [0, -1]], pad 1, stride 2:
    // y[i][j] = x[2i-1][2j-1] - x[2i][2j] with zeros outside x.
    ConvGeometry g = ConvGeometry.of(1, 1, 3, 3, 1, 2, 2, 1, 1);
    float[] y = new float[4];
    k.conv2d(g, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new float[] {1, 0, 0, -1},
        new float[] {0.5f}, y);
    assertArrayEquals(new float[] {-1 + 0.5f, -3 + 0.5f, -7 + 0.5f, 5 - 9 + 0.5f}, y);
  }

  @Test
  void forwardMatchesIm2colTimesWeights() {
    long seed = 10;
    for (ConvGeometry g : SHAPES) {
      double[] x = TestArrays.doubles(g.n() * g.cIn() * g.h() * g.w(), seed++);
      double[] w = TestArrays.doubles(g.cOut() * g.cIn() * g.kh() * g.kw(), seed++);
      double[] bias = TestArrays.doubles(g.cOut(), seed++);
      double[] y = new double[g.n() * g.cOut() * g.outH() * g.outW()];
      k.conv2d(g, x, w, bias, y);
      int depth = g.cIn() * g.kh() * g.kw();
      int plane = g.outH() * g.outW();
      DMatrixRMaj weights = DMatrixRMaj.wrap(g.cOut(), depth, w);
      for (int n = 0; n < g.n(); n++) {
        DMatrixRMaj want = new DMatrixRMaj(g.cOut(), plane);
        CommonOps_DDRM.mult(weights, im2col(g, x, n), want);
        DMatrixRMaj absSum = new DMatrixRMaj(g.cOut(), plane);
        CommonOps_DDRM.mult(DMatrixRMaj.wrap(g.cOut(), depth, TestArrays.abs(w)),
            im2col(g, TestArrays.abs(x), n), absSum);
        for (int e = 0; e < g.cOut() * plane; e++) {
          double ref = want.data[e] + bias[e / plane];
          double tol = Tolerances.f64Sum(depth + 1, absSum.data[e] + Math.abs(bias[e / plane]));
          assertEquals(ref, y[n * g.cOut() * plane + e], tol, g + " at " + e);
        }
      }
    }
  }

  @Test
  void backwardPassesAreTheAdjointsOfTheForwardPass() {
    long seed = 30;
    for (ConvGeometry g : SHAPES) {
      double[] x = TestArrays.doubles(g.n() * g.cIn() * g.h() * g.w(), seed++);
      double[] w = TestArrays.doubles(g.cOut() * g.cIn() * g.kh() * g.kw(), seed++);
      double[] gy = TestArrays.doubles(g.n() * g.cOut() * g.outH() * g.outW(), seed++);
      double[] y = new double[gy.length];
      k.conv2d(g, x, w, null, y);
      double[] gx = new double[x.length];
      k.conv2dBackwardInput(g, gy, w, gx);
      double[] gw = new double[w.length];
      k.conv2dBackwardWeight(g, x, gy, gw);
      double[] absY = new double[y.length];
      k.conv2d(g, TestArrays.abs(x), TestArrays.abs(w), null, absY);
      double tol = Tolerances.f64Sum(x.length * w.length, TestArrays.dot(absY, TestArrays.abs(gy)));
      double forward = TestArrays.dot(y, gy);
      assertEquals(forward, TestArrays.dot(x, gx), tol, "backwardInput " + g);
      assertEquals(forward, TestArrays.dot(w, gw), tol, "backwardWeight " + g);
    }
  }

  @Test
  void floatKernelsRoundTheDoubleReferenceOnce() {
    ConvGeometry g = SHAPES.get(3);
    double[] x = TestArrays.toDouble(TestArrays.floats(g.n() * g.cIn() * g.h() * g.w(), 50));
    double[] w = TestArrays.toDouble(TestArrays.floats(g.cOut() * g.cIn() * g.kh() * g.kw(), 51));
    double[] y = new double[g.n() * g.cOut() * g.outH() * g.outW()];
    k.conv2d(g, x, w, null, y);
    float[] yf = new float[y.length];
    k.conv2d(g, TestArrays.toFloat(x), TestArrays.toFloat(w), null, yf);
    assertArrayEquals(TestArrays.toFloat(y), yf);
  }

  /** Column {@code i outW + j} of image n holds the window of output (i, j): independent code. */
  static DMatrixRMaj im2col(ConvGeometry g, double[] x, int n) {
    DMatrixRMaj cols = new DMatrixRMaj(g.cIn() * g.kh() * g.kw(), g.outH() * g.outW());
    for (int c = 0; c < g.cIn(); c++) {
      for (int p = 0; p < g.kh(); p++) {
        for (int q = 0; q < g.kw(); q++) {
          int row = (c * g.kh() + p) * g.kw() + q;
          for (int i = 0; i < g.outH(); i++) {
            for (int j = 0; j < g.outW(); j++) {
              int ih = i * g.strideH() - g.padH() + p * g.dilH();
              int iw = j * g.strideW() - g.padW() + q * g.dilW();
              boolean inside = ih >= 0 && ih < g.h() && iw >= 0 && iw < g.w();
              double v = inside ? x[((n * g.cIn() + c) * g.h() + ih) * g.w() + iw] : 0.0;
              cols.set(row, i * g.outW() + j, v);
            }
          }
        }
      }
    }
    return cols;
  }
}
