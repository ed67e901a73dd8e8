package io.gradlight.tensor.kernels;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The F32 pooling loops of {@link VectorKernels}: the windows of {@link ScalarPooling} read and
 * written in float, without the reference's double copies of whole tensors, several planes per
 * task. Results are bitwise those of the reference: window sums and overlapping scatters still
 * accumulate in double, in the reference's order; a scatter whose windows do not overlap adds each
 * gradient once, to zero, which is exact in float.
 *
 * <p>Max pooling itself is the branch-free {@link VectorPooling}.
 */
final class FloatPooling {
  private FloatPooling() {}

  /** Input elements per task: enough work to outweigh a task's cost. */
  private static final int GRAIN = 1 << 15;

  /** Runs {@code plane} for every plane, in tasks of about {@link #GRAIN} input elements. */
  private static void forEachPlane(PoolGeometry g, IntConsumer plane) {
    int perTask = Math.max(1, GRAIN / (g.h() * g.w()));
    Parallel.forRange(g.planes(), perTask, (from, to) -> {
      for (int p = from; p < to; p++) {
        plane.accept(p);
      }
    });
  }

  /**
   * {@code gx = 0}, then {@code gx[plane][argmax[o]] += gy[o]}: in float when the windows do not
   * overlap (each element receives at most one gradient), else in a double plane, as the
   * reference.
   */
  static void maxPoolBackward(PoolGeometry g, float[] gy, int[] argmax, float[] gx) {
    int planeOut = g.outH() * g.outW();
    int planeIn = g.h() * g.w();
    boolean disjoint = g.strideH() >= g.kh() && g.strideW() >= g.kw();
    forEachPlane(g, plane -> {
      int in = plane * planeIn;
      Arrays.fill(gx, in, in + planeIn, 0f);
      if (disjoint) {
        for (int o = plane * planeOut; o < (plane + 1) * planeOut; o++) {
          gx[in + argmax[o]] += gy[o]; // 0 + gy: exact, and -0 becomes +0 as in the reference
        }
      } else {
        double[] sums = new double[planeIn];
        for (int o = plane * planeOut; o < (plane + 1) * planeOut; o++) {
          sums[argmax[o]] += gy[o];
        }
        for (int e = 0; e < planeIn; e++) {
          gx[in + e] = (float) sums[e];
        }
      }
    });
  }

  /** The window sum in double, divided by {@code kh kw}, rounded once. */
  static void avgPool(PoolGeometry g, float[] x, float[] y) {
    int outH = g.outH();
    int outW = g.outW();
    int w = g.w();
    double windowSize = (double) g.kh() * g.kw();
    forEachPlane(g, plane -> {
      int xPlane = plane * g.h() * w;
      int o = plane * outH * outW;
      for (int i = 0; i < outH; i++) {
        int top = i * g.strideH() - g.padH();
        int rowLo = Math.max(0, top);
        int rowHi = Math.min(g.h(), top + g.kh());
        for (int j = 0; j < outW; j++, o++) {
          int left = j * g.strideW() - g.padW();
          int colLo = Math.max(0, left);
          int colHi = Math.min(w, left + g.kw());
          double s = 0.0;
          for (int r = rowLo; r < rowHi; r++) {
            for (int col = colLo; col < colHi; col++) {
              s += x[xPlane + r * w + col];
            }
          }
          y[o] = (float) (s / windowSize);
        }
      }
    });
  }

  /** Each {@code gy / (kh kw)} added over its window in a double plane, in output order. */
  static void avgPoolBackward(PoolGeometry g, float[] gy, float[] gx) {
    int outH = g.outH();
    int outW = g.outW();
    int w = g.w();
    int planeIn = g.h() * w;
    double windowSize = (double) g.kh() * g.kw();
    forEachPlane(g, plane -> {
      double[] sums = new double[planeIn];
      int o = plane * outH * outW;
      for (int i = 0; i < outH; i++) {
        int top = i * g.strideH() - g.padH();
        int rowLo = Math.max(0, top);
        int rowHi = Math.min(g.h(), top + g.kh());
        for (int j = 0; j < outW; j++, o++) {
          int left = j * g.strideW() - g.padW();
          int colLo = Math.max(0, left);
          int colHi = Math.min(w, left + g.kw());
          double share = gy[o] / windowSize;
          for (int r = rowLo; r < rowHi; r++) {
            for (int col = colLo; col < colHi; col++) {
              sums[r * w + col] += share;
            }
          }
        }
      }
      for (int e = 0; e < planeIn; e++) {
        gx[plane * planeIn + e] = (float) sums[e];
      }
    });
  }
}
