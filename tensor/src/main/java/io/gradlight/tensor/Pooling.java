package io.gradlight.tensor;

import io.gradlight.tensor.kernels.KernelProvider;
import io.gradlight.tensor.kernels.Kernels;
import io.gradlight.tensor.kernels.PoolGeometry;

/**
 * 2-D pooling over the {@code H x W} planes of an NCHW tensor, as PyTorch's {@code max_pool2d}
 * and {@code avg_pool2d} (dilation 1, {@code ceil_mode=False}); {@code kernel}, {@code stride} and
 * {@code padding} are {@code {h, w}} pairs, with {@code outH = floor((H + 2 pH - kh) / sH) + 1}.
 *
 * <pre>
 *   max:  y[p][i][j] = max over the window of x[p],  argmax = row * W + col of the first maximum
 *         backward:  gx[p][argmax[o]] += gy[o]        (a scatter-add)
 *         gather:    out[o] = ggx[p][argmax[o]]       (the adjoint of the scatter)
 *   avg:  y[p][i][j] = sum over the window of x[p] / (kh kw)   (padding counts as 0)
 *         backward:  each gy spread as gy / (kh kw) over its window
 *   global average:  y[n][c] = sum_{i,j} x[n][c][i][j] / (H W),  backward gx = gy / (H W)
 * </pre>
 *
 * Padding counts as negative infinity for max pooling, so the maximum is always a real element.
 */
public final class Pooling {
  private Pooling() {}

  /**
   * The result of max pooling: the pooled values and, per output element (row-major), the flat
   * index {@code row * W + col} of its maximum within its input plane.
   */
  public record MaxPoolResult(Tensor values, int[] argmax) {}

  public static MaxPoolResult maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding) {
    PoolGeometry g = geometry("maxPool2d", x.shape(), kernel, stride, padding);
    Tensor y = Tensor.zeros(x.dtype(), outputShape(x.shape(), g));
    int[] argmax = new int[y.size()];
    if (y.size() > 0) {
      Kernels k = KernelProvider.kernels();
      if (x.dtype() == DType.F32) {
        k.maxPool2d(g, x.f32(), y.f32(), argmax);
      } else {
        k.maxPool2d(g, x.f64(), y.f64(), argmax);
      }
    }
    return new MaxPoolResult(y, argmax);
  }

  /** {@code gx} of shape {@code xShape}: each {@code gy[o]} added at its argmax position. */
  public static Tensor maxPool2dBackward(
      Tensor gy, int[] argmax, Shape xShape, int[] kernel, int[] stride, int[] padding) {
    PoolGeometry g = geometry("maxPool2dBackward", xShape, kernel, stride, padding);
    requireShape("maxPool2dBackward", gy.shape(), outputShape(xShape, g));
    requireArgmax("maxPool2dBackward", argmax, gy.size(), g.h(), g.w());
    Tensor gx = Tensor.zeros(gy.dtype(), xShape);
    if (gy.size() > 0) {
      Kernels k = KernelProvider.kernels();
      if (gy.dtype() == DType.F32) {
        k.maxPool2dBackward(g, gy.f32(), argmax, gx.f32());
      } else {
        k.maxPool2dBackward(g, gy.f64(), argmax, gx.f64());
      }
    }
    return gx;
  }

  /**
   * {@code out[o] = ggx[plane(o)][argmax[o]]}: reads, for each pooled element, the value of
   * {@code ggx} (shaped like the pooling input) at the argmax position. It is the adjoint of
   * {@link #maxPool2dBackward} and the double backward of max pooling.
   */
  public static Tensor gatherArgmax(Tensor ggx, int[] argmax, Shape yShape) {
    Shape x = ggx.shape();
    if (x.rank() != 4 || yShape.rank() != 4 || x.dim(0) != yShape.dim(0)
        || x.dim(1) != yShape.dim(1)) {
      throw new IllegalArgumentException(
          "gatherArgmax: input " + x + " and pooled shape " + yShape
              + " should be [N, C, H, W] and [N, C, outH, outW]");
    }
    int planeIn = x.dim(2) * x.dim(3);
    int planeOut = yShape.dim(2) * yShape.dim(3);
    requireArgmax("gatherArgmax", argmax, yShape.size(), x.dim(2), x.dim(3));
    Tensor out = Tensor.zeros(ggx.dtype(), yShape);
    for (int o = 0; o < argmax.length; o++) {
      out.setFlat(o, ggx.getFlat((o / planeOut) * planeIn + argmax[o]));
    }
    return out;
  }

  public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding) {
    PoolGeometry g = geometry("avgPool2d", x.shape(), kernel, stride, padding);
    Tensor y = Tensor.zeros(x.dtype(), outputShape(x.shape(), g));
    if (y.size() > 0) {
      Kernels k = KernelProvider.kernels();
      if (x.dtype() == DType.F32) {
        k.avgPool2d(g, x.f32(), y.f32());
      } else {
        k.avgPool2d(g, x.f64(), y.f64());
      }
    }
    return y;
  }

  /** The adjoint of {@link #avgPool2d}: {@code gx} of shape {@code xShape}. */
  public static Tensor avgPool2dBackward(
      Tensor gy, Shape xShape, int[] kernel, int[] stride, int[] padding) {
    PoolGeometry g = geometry("avgPool2dBackward", xShape, kernel, stride, padding);
    requireShape("avgPool2dBackward", gy.shape(), outputShape(xShape, g));
    Tensor gx = Tensor.zeros(gy.dtype(), xShape);
    if (gy.size() > 0) {
      Kernels k = KernelProvider.kernels();
      if (gy.dtype() == DType.F32) {
        k.avgPool2dBackward(g, gy.f32(), gx.f32());
      } else {
        k.avgPool2dBackward(g, gy.f64(), gx.f64());
      }
    }
    return gx;
  }

  /** {@code [N, C, H, W] -> [N, C]}: the mean of each plane. */
  public static Tensor globalAvgPool(Tensor x) {
    requireNchw("globalAvgPool", x.shape());
    int planes = x.dim(0) * x.dim(1);
    Tensor y = Tensor.zeros(x.dtype(), Shape.of(x.dim(0), x.dim(1)));
    int planeSize = x.dim(2) * x.dim(3);
    if (planes > 0) {
      Kernels k = KernelProvider.kernels();
      if (x.dtype() == DType.F32) {
        k.globalAvgPool(planes, planeSize, x.f32(), y.f32());
      } else {
        k.globalAvgPool(planes, planeSize, x.f64(), y.f64());
      }
    }
    return y;
  }

  /** {@code gx[n][c][i][j] = gy[n][c] / (H W)} for an input of shape {@code xShape}. */
  public static Tensor globalAvgPoolBackward(Tensor gy, Shape xShape) {
    requireNchw("globalAvgPoolBackward", xShape);
    requireShape("globalAvgPoolBackward", gy.shape(), Shape.of(xShape.dim(0), xShape.dim(1)));
    int planeSize = xShape.dim(2) * xShape.dim(3);
    Shape perPlane = Shape.of(xShape.dim(0), xShape.dim(1), 1, 1);
    return gy.div(planeSize).reshape(perPlane).broadcastTo(xShape);
  }

  private static PoolGeometry geometry(
      String op, Shape x, int[] kernel, int[] stride, int[] padding) {
    requireNchw(op, x);
    Convolution.requirePair(op, "kernel", kernel);
    Convolution.requirePair(op, "stride", stride);
    Convolution.requirePair(op, "padding", padding);
    try {
      return new PoolGeometry(x.dim(0) * x.dim(1), x.dim(2), x.dim(3), kernel[0], kernel[1],
          stride[0], stride[1], padding[0], padding[1]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(op + " on " + x + ": " + e.getMessage(), e);
    }
  }

  private static Shape outputShape(Shape x, PoolGeometry g) {
    return Shape.of(x.dim(0), x.dim(1), g.outH(), g.outW());
  }

  private static void requireNchw(String op, Shape x) {
    if (x.rank() != 4) {
      throw new IllegalArgumentException(op + ": input " + x + " should be [N, C, H, W]");
    }
  }

  private static void requireShape(String op, Shape actual, Shape expected) {
    if (!actual.equals(expected)) {
      throw new IllegalArgumentException(
          op + ": gradient " + actual + " should have the pooled shape " + expected);
    }
  }

  private static void requireArgmax(String op, int[] argmax, int count, int h, int w) {
    if (argmax.length != count) {
      throw new IllegalArgumentException(
          op + ": " + argmax.length + " argmax entries for " + count + " pooled elements");
    }
    for (int o = 0; o < count; o++) {
      if (argmax[o] < 0 || argmax[o] >= h * w) {
        throw new IllegalArgumentException(
            op + ": argmax[" + o + "] = " + argmax[o] + " is outside the " + h + "x" + w
                + " plane");
      }
    }
  }
}
