package io.gradlight.tensor.kernels;

/**
 * The sizes of one 2-D convolution, NCHW input {@code x[n][cIn][h][w]}, OIHW weight
 * {@code w[cOut][cIn][kh][kw]} and output {@code y[n][cOut][outH][outW]}, where
 *
 * <pre>
 *   outH = floor((h + 2 padH - dilH (kh - 1) - 1) / strideH) + 1     (the same for W)
 *   y[n][o][i][j] = bias[o] + sum_{c,p,q} x[n][c][i strideH - padH + p dilH][j strideW - padW + q dilW] w[o][c][p][q]
 * </pre>
 *
 * with zero padding, as PyTorch's {@code F.conv2d} (groups = 1).
 */
public record ConvGeometry(
    int n, int cIn, int h, int w, int cOut, int kh, int kw,
    int strideH, int strideW, int padH, int padW, int dilH, int dilW) {

  public ConvGeometry {
    if (n < 0 || cIn < 1 || h < 1 || w < 1 || cOut < 1 || kh < 1 || kw < 1) {
      throw new IllegalArgumentException("conv2d sizes must be positive: " + this);
    }
    if (strideH < 1 || strideW < 1 || dilH < 1 || dilW < 1 || padH < 0 || padW < 0) {
      throw new IllegalArgumentException(
          "conv2d needs stride >= 1, dilation >= 1 and padding >= 0, got " + this);
    }
    if (h + 2 * padH < dilH * (kh - 1) + 1 || w + 2 * padW < dilW * (kw - 1) + 1) {
      throw new IllegalArgumentException(
          "conv2d kernel " + kh + "x" + kw + " (dilation " + dilH + "x" + dilW
              + ") is larger than the padded input " + (h + 2 * padH) + "x" + (w + 2 * padW));
    }
  }

  /** A square kernel with equal stride, padding and dilation on both axes. */
  public static ConvGeometry of(
      int n, int cIn, int h, int w, int cOut, int k, int stride, int pad, int dilation) {
    return new ConvGeometry(n, cIn, h, w, cOut, k, k, stride, stride, pad, pad, dilation, dilation);
  }

  public int outH() {
    return (h + 2 * padH - dilH * (kh - 1) - 1) / strideH + 1;
  }

  public int outW() {
    return (w + 2 * padW - dilW * (kw - 1) - 1) / strideW + 1;
  }

  /** Multiply-adds times two of the forward pass (each backward kernel costs the same). */
  public double flops() {
    return 2.0 * n * cOut * outH() * outW() * cIn * kh * kw;
  }
}
