package io.gradlight.tensor;

import io.gradlight.tensor.kernels.Parallel;

/**
 * Bilinear resizing of the {@code H x W} planes of an NCHW tensor, exactly as PyTorch's
 * {@code F.interpolate(x, size=(outH, outW), mode='bilinear', align_corners=...)}. Along each axis
 * an output index {@code d} reads the source coordinate
 *
 * <pre>
 *   alignCorners = true:   s = d (in - 1) / (out - 1)          (s = 0 when out = 1)
 *   alignCorners = false:  s = max(0, (d + 0.5) in / out - 0.5)  (half-pixel centres)
 *   i0 = floor(s),  i1 = min(i0 + 1, in - 1),  l1 = s - i0,  l0 = 1 - l1
 * </pre>
 *
 * and {@code y[i][j] = l0h (l0w x[i0h][i0w] + l1w x[i0h][i1w]) + l1h (l0w x[i1h][i0w] + l1w
 * x[i1h][i1w])}. The map is linear in x; {@link #bilinearBackward} is its exact adjoint (each
 * gy scattered to the same four sources with the same weights). Computed in double.
 *
 * <p>The forward pass is separable: the bracketed row blends ({@code top}, {@code bottom}) depend
 * on the source row and j only, so each source row is blended once into a double buffer and
 * every output row is then {@code l0h top + l1h bottom} of two buffer rows, a loop the JIT
 * vectorises. The same double expressions in the same order, so the same bits as the formula
 * written out per pixel, about ten times faster for 7 x 7 maps to 224 x 224. Planes run in
 * parallel, one task each.
 */
public final class Resize {
  private Resize() {}

  /** Source indices and weights of one axis: output d reads {@code l0 x[i0] + l1 x[i1]}. */
  private record Axis(int[] i0, int[] i1, double[] l0, double[] l1) {
    static Axis of(int in, int out, boolean alignCorners) {
      Axis a = new Axis(new int[out], new int[out], new double[out], new double[out]);
      double scale = alignCorners
          ? (out > 1 ? (in - 1.0) / (out - 1.0) : 0.0)
          : (double) in / out;
      for (int d = 0; d < out; d++) {
        double s = alignCorners ? d * scale : Math.max(0.0, (d + 0.5) * scale - 0.5);
        int i0 = Math.min((int) s, in - 1);
        double l1 = Math.min(Math.max(s - i0, 0.0), 1.0);
        a.i0[d] = i0;
        a.i1[d] = Math.min(i0 + 1, in - 1);
        a.l0[d] = 1.0 - l1;
        a.l1[d] = l1;
      }
      return a;
    }
  }

  /** {@code x [N, C, H, W] -> [N, C, outH, outW]}. */
  public static Tensor bilinear(Tensor x, int outH, int outW, boolean alignCorners) {
    Shape in = x.shape();
    requireSizes("bilinear", in, outH, outW);
    int h = in.dim(2);
    int w = in.dim(3);
    Axis rows = Axis.of(h, outH, alignCorners);
    Axis cols = Axis.of(w, outW, alignCorners);
    double[] v = x.toDoubleArray();
    Tensor y = Tensor.zeros(x.dtype(), Shape.of(in.dim(0), in.dim(1), outH, outW));
    float[] y32 = x.dtype() == DType.F32 ? y.f32() : null;
    double[] y64 = y32 == null ? y.f64() : null;
    Parallel.forEach(in.dim(0) * in.dim(1), p -> {
      double[] blended = new double[h * outW]; // source row r blended along j, at r outW
      for (int r = 0; r < h; r++) {
        int src = p * h * w + r * w;
        for (int j = 0; j < outW; j++) {
          blended[r * outW + j] =
              cols.l0[j] * v[src + cols.i0[j]] + cols.l1[j] * v[src + cols.i1[j]];
        }
      }
      for (int i = 0; i < outH; i++) {
        int top = rows.i0[i] * outW;
        int bottom = rows.i1[i] * outW;
        double l0 = rows.l0[i];
        double l1 = rows.l1[i];
        int dst = (p * outH + i) * outW;
        if (y32 != null) {
          for (int j = 0; j < outW; j++) {
            y32[dst + j] = (float) (l0 * blended[top + j] + l1 * blended[bottom + j]);
          }
        } else {
          for (int j = 0; j < outW; j++) {
            y64[dst + j] = l0 * blended[top + j] + l1 * blended[bottom + j];
          }
        }
      }
    });
    return y;
  }

  /**
   * The adjoint of {@link #bilinear} for an input of shape {@code xShape}:
   * {@code <gy, bilinear(x)> = <bilinearBackward(gy), x>} for all x.
   */
  public static Tensor bilinearBackward(Tensor gy, Shape xShape, boolean alignCorners) {
    Shape out = gy.shape();
    if (out.rank() != 4 || xShape.rank() != 4 || out.dim(0) != xShape.dim(0)
        || out.dim(1) != xShape.dim(1)) {
      throw new IllegalArgumentException(
          "bilinearBackward: gradient " + out + " and input shape " + xShape
              + " should be [N, C, outH, outW] and [N, C, H, W]");
    }
    int outH = out.dim(2);
    int outW = out.dim(3);
    requireSizes("bilinearBackward", xShape, outH, outW);
    int h = xShape.dim(2);
    int w = xShape.dim(3);
    Axis rows = Axis.of(h, outH, alignCorners);
    Axis cols = Axis.of(w, outW, alignCorners);
    int planes = xShape.dim(0) * xShape.dim(1);
    double[] g = gy.toDoubleArray();
    double[] gx = new double[xShape.size()];
    for (int p = 0; p < planes; p++) {
      int src = p * outH * outW;
      int dst = p * h * w;
      for (int i = 0; i < outH; i++) {
        int r0 = dst + rows.i0[i] * w;
        int r1 = dst + rows.i1[i] * w;
        for (int j = 0; j < outW; j++) {
          double top = rows.l0[i] * g[src + i * outW + j];
          double bottom = rows.l1[i] * g[src + i * outW + j];
          gx[r0 + cols.i0[j]] += cols.l0[j] * top;
          gx[r0 + cols.i1[j]] += cols.l1[j] * top;
          gx[r1 + cols.i0[j]] += cols.l0[j] * bottom;
          gx[r1 + cols.i1[j]] += cols.l1[j] * bottom;
        }
      }
    }
    return Tensor.fromDoubles(gy.dtype(), xShape, gx);
  }

  private static void requireSizes(String op, Shape in, int outH, int outW) {
    if (in.rank() != 4) {
      throw new IllegalArgumentException(op + ": input " + in + " should be [N, C, H, W]");
    }
    if (in.dim(2) < 1 || in.dim(3) < 1 || outH < 1 || outW < 1) {
      throw new IllegalArgumentException(
          op + ": sizes must be >= 1, got input " + in + " and output " + outH + "x" + outW);
    }
  }
}
