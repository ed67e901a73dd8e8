package io.gradlight.tensor.kernels;

import java.util.Arrays;

/**
 * The reference 2-D pooling loops in double, for {@link ScalarKernels}. Output {@code (i, j)} of a
 * plane looks at input rows {@code i strideH - padH + [0, kh)} and columns
 * {@code j strideW - padW + [0, kw)}; positions in the padding are skipped (max) or count as zero
 * (average). Each task owns one plane, so results do not depend on the thread count.
 */
final class ScalarPooling {
  private ScalarPooling() {}

  /**
   * Max over each window with PyTorch's rule {@code if (v > max || isNaN(v)) take v}: the first
   * maximum wins ties, and a NaN propagates (the last NaN of the window is the argmax).
   */
  static void maxPool(PoolGeometry g, double[] x, double[] y, int[] argmax) {
    int outH = g.outH();
    int outW = g.outW();
    Parallel.forEach(g.planes(), plane -> {
      int xPlane = plane * g.h() * g.w();
      int yPlane = plane * outH * outW;
      for (int i = 0; i < outH; i++) {
        int top = i * g.strideH() - g.padH();
        int rowLo = Math.max(0, top);
        int rowHi = Math.min(g.h(), top + g.kh());
        for (int j = 0; j < outW; j++) {
          int left = j * g.strideW() - g.padW();
          int colLo = Math.max(0, left);
          int colHi = Math.min(g.w(), left + g.kw());
          double max = Double.NEGATIVE_INFINITY;
          int best = rowLo * g.w() + colLo;
          for (int r = rowLo; r < rowHi; r++) {
            for (int col = colLo; col < colHi; col++) {
              double v = x[xPlane + r * g.w() + col];
              if (v > max || Double.isNaN(v)) {
                max = v;
                best = r * g.w() + col;
              }
            }
          }
          y[yPlane + i * outW + j] = max;
          argmax[yPlane + i * outW + j] = best;
        }
      }
    });
  }

  /** {@code gx = 0}, then {@code gx[plane][argmax[o]] += gy[o]} in output order. */
  static void maxPoolBackward(PoolGeometry g, double[] gy, int[] argmax, double[] gx) {
    int planeOut = g.outH() * g.outW();
    int planeIn = g.h() * g.w();
    Parallel.forEach(g.planes(), plane -> {
      Arrays.fill(gx, plane * planeIn, (plane + 1) * planeIn, 0.0);
      for (int o = plane * planeOut; o < (plane + 1) * planeOut; o++) {
        gx[plane * planeIn + argmax[o]] += gy[o];
      }
    });
  }

  /** The window sum divided by {@code kh kw}, padding counting as zeros. */
  static void avgPool(PoolGeometry g, double[] x, double[] y) {
    int outH = g.outH();
    int outW = g.outW();
    double windowSize = (double) g.kh() * g.kw();
    Parallel.forEach(g.planes(), plane -> {
      int xPlane = plane * g.h() * g.w();
      for (int i = 0; i < outH; i++) {
        int top = i * g.strideH() - g.padH();
        for (int j = 0; j < outW; j++) {
          int left = j * g.strideW() - g.padW();
          double s = 0.0;
          for (int r = Math.max(0, top); r < Math.min(g.h(), top + g.kh()); r++) {
            for (int col = Math.max(0, left); col < Math.min(g.w(), left + g.kw()); col++) {
              s += x[xPlane + r * g.w() + col];
            }
          }
          y[(plane * outH + i) * outW + j] = s / windowSize;
        }
      }
    });
  }

  /** {@code gx = 0}, then each {@code gy / (kh kw)} added over its window, in output order. */
  static void avgPoolBackward(PoolGeometry g, double[] gy, double[] gx) {
    int outH = g.outH();
    int outW = g.outW();
    double windowSize = (double) g.kh() * g.kw();
    Parallel.forEach(g.planes(), plane -> {
      int xPlane = plane * g.h() * g.w();
      Arrays.fill(gx, xPlane, xPlane + g.h() * g.w(), 0.0);
      for (int i = 0; i < outH; i++) {
        int top = i * g.strideH() - g.padH();
        for (int j = 0; j < outW; j++) {
          int left = j * g.strideW() - g.padW();
          double share = gy[(plane * outH + i) * outW + j] / windowSize;
          for (int r = Math.max(0, top); r < Math.min(g.h(), top + g.kh()); r++) {
            for (int col = Math.max(0, left); col < Math.min(g.w(), left + g.kw()); col++) {
              gx[xPlane + r * g.w() + col] += share;
            }
          }
        }
      }
    });
  }
}
