package io.gradlight.tensor;

import io.gradlight.tensor.kernels.ConvGeometry;
import io.gradlight.tensor.kernels.KernelProvider;
import io.gradlight.tensor.kernels.Kernels;
import java.util.Arrays;

/**
 * 2-D convolution (cross-correlation, as PyTorch's {@code F.conv2d} with groups = 1) of an NCHW
 * input {@code x [N, C, H, W]} with an OIHW weight {@code w [O, C, kh, kw]}:
 *
 * <pre>
 *   y[n][o][i][j] = bias[o] + sum_{c,p,q} x[n][c][i sH - pH + p dH][j sW - pW + q dW] w[o][c][p][q]
 * </pre>
 *
 * with zero padding; {@code stride}, {@code padding} and {@code dilation} are {@code {h, w}}
 * pairs. The two backward functions are the adjoints of the forward map in each argument:
 *
 * <pre>
 *   backwardInput:  gx = dL/dx = sum_{o,p,q} gy[n][o][i'][j'] w[o][c][p][q]   (transposed conv)
 *   backwardWeight: gw = dL/dw = sum_{n,i,j} gy[n][o][i][j] x[n][c][i sH - pH + p dH][...]
 * </pre>
 *
 * so that {@code <gy, conv2d(x, w)> = <backwardInput(gy, w), x> = <backwardWeight(x, gy), w>}.
 * All three run in the kernels.
 */
public final class Convolution {
  private Convolution() {}

  /** {@code y = conv2d(x, w) + bias}; {@code bias} ({@code [O]}) may be null. */
  public static Tensor conv2d(
      Tensor x, Tensor w, Tensor bias, int[] stride, int[] padding, int[] dilation) {
    Tensor.requireSameDType("conv2d", x, w);
    ConvGeometry g = geometry(x.shape(), w.shape(), stride, padding, dilation);
    if (bias != null) {
      Tensor.requireSameDType("conv2d", x, bias);
      if (!bias.shape().equals(Shape.of(g.cOut()))) {
        throw new IllegalArgumentException(
            "conv2d: bias " + bias.shape() + " should be [" + g.cOut() + "] for weight "
                + w.shape());
      }
    }
    Tensor y = Tensor.zeros(x.dtype(), outputShape(g));
    if (y.size() > 0) {
      Kernels k = KernelProvider.kernels();
      if (x.dtype() == DType.F32) {
        k.conv2d(g, x.f32(), w.f32(), bias == null ? null : bias.f32(), y.f32());
      } else {
        k.conv2d(g, x.f64(), w.f64(), bias == null ? null : bias.f64(), y.f64());
      }
    }
    return y;
  }

  /** {@code gx = dL/dx} for an input of shape {@code xShape}, given {@code gy = dL/dy}. */
  public static Tensor backwardInput(
      Tensor gy, Tensor w, Shape xShape, int[] stride, int[] padding, int[] dilation) {
    Tensor.requireSameDType("conv2d backwardInput", gy, w);
    ConvGeometry g = geometry(xShape, w.shape(), stride, padding, dilation);
    requireOutputShape("conv2d backwardInput", gy, g);
    Tensor gx = Tensor.zeros(gy.dtype(), xShape);
    if (gx.size() > 0) {
      Kernels k = KernelProvider.kernels();
      if (gy.dtype() == DType.F32) {
        k.conv2dBackwardInput(g, gy.f32(), w.f32(), gx.f32());
      } else {
        k.conv2dBackwardInput(g, gy.f64(), w.f64(), gx.f64());
      }
    }
    return gx;
  }

  /** {@code gw = dL/dw} for a weight of shape {@code wShape}, given {@code gy = dL/dy}. */
  public static Tensor backwardWeight(
      Tensor x, Tensor gy, Shape wShape, int[] stride, int[] padding, int[] dilation) {
    Tensor.requireSameDType("conv2d backwardWeight", x, gy);
    ConvGeometry g = geometry(x.shape(), wShape, stride, padding, dilation);
    requireOutputShape("conv2d backwardWeight", gy, g);
    Tensor gw = Tensor.zeros(x.dtype(), wShape);
    Kernels k = KernelProvider.kernels();
    if (x.dtype() == DType.F32) {
      k.conv2dBackwardWeight(g, x.f32(), gy.f32(), gw.f32());
    } else {
      k.conv2dBackwardWeight(g, x.f64(), gy.f64(), gw.f64());
    }
    return gw;
  }

  /**
   * The geometry of convolving an input of shape {@code x} with a weight of shape {@code w},
   * checking ranks, channel counts and the {@code {h, w}} parameter pairs.
   */
  public static ConvGeometry geometry(
      Shape x, Shape w, int[] stride, int[] padding, int[] dilation) {
    if (x.rank() != 4) {
      throw new IllegalArgumentException("conv2d: input " + x + " should be [N, C, H, W]");
    }
    if (w.rank() != 4) {
      throw new IllegalArgumentException("conv2d: weight " + w + " should be [O, C, kh, kw]");
    }
    if (x.dim(1) != w.dim(1)) {
      throw new IllegalArgumentException(
          "conv2d: input has " + x.dim(1) + " channels but weight " + w + " expects " + w.dim(1));
    }
    requirePair("conv2d", "stride", stride);
    requirePair("conv2d", "padding", padding);
    requirePair("conv2d", "dilation", dilation);
    return new ConvGeometry(x.dim(0), x.dim(1), x.dim(2), x.dim(3), w.dim(0), w.dim(2), w.dim(3),
        stride[0], stride[1], padding[0], padding[1], dilation[0], dilation[1]);
  }

  private static Shape outputShape(ConvGeometry g) {
    return Shape.of(g.n(), g.cOut(), g.outH(), g.outW());
  }

  private static void requireOutputShape(String op, Tensor gy, ConvGeometry g) {
    if (!gy.shape().equals(outputShape(g))) {
      throw new IllegalArgumentException(
          op + ": gradient " + gy.shape() + " should have the output shape " + outputShape(g));
    }
  }

  /** Throws unless {@code pair} is an {@code {h, w}} array of two entries. */
  static void requirePair(String op, String what, int[] pair) {
    if (pair == null || pair.length != 2) {
      throw new IllegalArgumentException(
          op + ": " + what + " must be an {h, w} pair, got " + Arrays.toString(pair));
    }
  }
}
