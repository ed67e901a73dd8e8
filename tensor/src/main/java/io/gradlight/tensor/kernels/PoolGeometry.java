package io.gradlight.tensor.kernels;

/**
 * The sizes of one 2-D pooling window over {@code planes = N*C} independent {@code h x w} planes:
 * window {@code kh x kw}, stride and zero/negative-infinity padding as PyTorch's
 * {@code max_pool2d} and {@code avg_pool2d} (dilation 1, {@code ceil_mode=False}):
 *
 * <pre>
 *   outH = floor((h + 2 padH - kh) / strideH) + 1     (the same for W)
 * </pre>
 */
public record PoolGeometry(
    int planes, int h, int w, int kh, int kw, int strideH, int strideW, int padH, int padW) {

  public PoolGeometry {
    if (planes < 0 || h < 1 || w < 1 || kh < 1 || kw < 1 || strideH < 1 || strideW < 1) {
      throw new IllegalArgumentException("pooling sizes and strides must be positive: " + this);
    }
    if (padH < 0 || padW < 0 || 2 * padH > kh || 2 * padW > kw) {
      throw new IllegalArgumentException(
          "pooling padding must be between 0 and half the window, got " + this);
    }
    if (h + 2 * padH < kh || w + 2 * padW < kw) {
      throw new IllegalArgumentException(
          "pooling window " + kh + "x" + kw + " is larger than the padded input "
              + (h + 2 * padH) + "x" + (w + 2 * padW));
    }
  }

  /** A square window with equal stride and padding on both axes. */
  public static PoolGeometry of(int planes, int h, int w, int k, int stride, int pad) {
    return new PoolGeometry(planes, h, w, k, k, stride, stride, pad, pad);
  }

  public int outH() {
    return (h + 2 * padH - kh) / strideH + 1;
  }

  public int outW() {
    return (w + 2 * padW - kw) / strideW + 1;
  }
}
