package io.gradlight.tensor.kernels;

/**
 * The reference 2-D convolution loops in double, direct (no im2col), for {@link ScalarKernels}.
 * With the names of {@link ConvGeometry}, input row {@code ih = i strideH - padH + p dilH} and
 * column {@code iw = j strideW - padW + q dilW} meet output {@code (i, j)} and kernel tap
 * {@code (p, q)}; taps that land in the zero padding are skipped.
 *
 * <p>Each task owns one output plane (or one weight block) and sums its terms in the fixed order
 * of the loops below, so results do not depend on the thread count.
 */
final class ScalarConvolution {
  private ScalarConvolution() {}

  /**
   * {@code y[n][o][i][j] = sum_{c,p,q} x[n][c][ih][iw] w[o][c][p][q] + bias[o]}, summed over
   * {@code (c, p, q)} in row-major order, bias added last.
   */
  static void forward(ConvGeometry g, double[] x, double[] w, double[] bias, double[] y) {
    int outH = g.outH();
    int outW = g.outW();
    Parallel.forEach(g.n() * g.cOut(), task -> {
      int n = task / g.cOut();
      int o = task % g.cOut();
      double[] acc = new double[outH * outW];
      for (int c = 0; c < g.cIn(); c++) {
        int xPlane = (n * g.cIn() + c) * g.h() * g.w();
        for (int p = 0; p < g.kh(); p++) {
          for (int q = 0; q < g.kw(); q++) {
            double wv = w[((o * g.cIn() + c) * g.kh() + p) * g.kw() + q];
            for (int i = 0; i < outH; i++) {
              int ih = i * g.strideH() - g.padH() + p * g.dilH();
              if (ih < 0 || ih >= g.h()) {
                continue;
              }
              for (int j = 0; j < outW; j++) {
                int iw = j * g.strideW() - g.padW() + q * g.dilW();
                if (iw >= 0 && iw < g.w()) {
                  acc[i * outW + j] += wv * x[xPlane + ih * g.w() + iw];
                }
              }
            }
          }
        }
      }
      int yPlane = task * outH * outW;
      double b = bias == null ? 0.0 : bias[o];
      for (int e = 0; e < acc.length; e++) {
        y[yPlane + e] = acc[e] + b;
      }
    });
  }

  /**
   * {@code gx[n][c][ih][iw] = sum_{o,p,q,i,j} gy[n][o][i][j] w[o][c][p][q]} over the output
   * positions whose window tap {@code (p, q)} reads {@code (ih, iw)}: the exact transpose of
   * {@link #forward}, summed over {@code (o, p, q, i, j)} in row-major order.
   */
  static void backwardInput(ConvGeometry g, double[] gy, double[] w, double[] gx) {
    int outH = g.outH();
    int outW = g.outW();
    Parallel.forEach(g.n() * g.cIn(), task -> {
      int n = task / g.cIn();
      int c = task % g.cIn();
      double[] acc = new double[g.h() * g.w()];
      for (int o = 0; o < g.cOut(); o++) {
        int gyPlane = (n * g.cOut() + o) * outH * outW;
        for (int p = 0; p < g.kh(); p++) {
          for (int q = 0; q < g.kw(); q++) {
            double wv = w[((o * g.cIn() + c) * g.kh() + p) * g.kw() + q];
            for (int i = 0; i < outH; i++) {
              int ih = i * g.strideH() - g.padH() + p * g.dilH();
              if (ih < 0 || ih >= g.h()) {
                continue;
              }
              for (int j = 0; j < outW; j++) {
                int iw = j * g.strideW() - g.padW() + q * g.dilW();
                if (iw >= 0 && iw < g.w()) {
                  acc[ih * g.w() + iw] += wv * gy[gyPlane + i * outW + j];
                }
              }
            }
          }
        }
      }
      System.arraycopy(acc, 0, gx, task * acc.length, acc.length);
    });
  }

  /**
   * {@code gw[o][c][p][q] = sum_{n,i,j} gy[n][o][i][j] x[n][c][ih][iw]}, summed over
   * {@code (n, i, j)} in row-major order.
   */
  static void backwardWeight(ConvGeometry g, double[] x, double[] gy, double[] gw) {
    int outH = g.outH();
    int outW = g.outW();
    Parallel.forEach(g.cOut() * g.cIn(), task -> {
      int o = task / g.cIn();
      int c = task % g.cIn();
      for (int p = 0; p < g.kh(); p++) {
        for (int q = 0; q < g.kw(); q++) {
          double s = 0.0;
          for (int n = 0; n < g.n(); n++) {
            int xPlane = (n * g.cIn() + c) * g.h() * g.w();
            int gyPlane = (n * g.cOut() + o) * outH * outW;
            for (int i = 0; i < outH; i++) {
              int ih = i * g.strideH() - g.padH() + p * g.dilH();
              if (ih < 0 || ih >= g.h()) {
                continue;
              }
              for (int j = 0; j < outW; j++) {
                int iw = j * g.strideW() - g.padW() + q * g.dilW();
                if (iw >= 0 && iw < g.w()) {
                  s += gy[gyPlane + i * outW + j] * x[xPlane + ih * g.w() + iw];
                }
              }
            }
          }
          gw[(task * g.kh() + p) * g.kw() + q] = s;
        }
      }
    });
  }
}
