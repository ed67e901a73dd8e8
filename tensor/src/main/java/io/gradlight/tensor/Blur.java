package io.gradlight.tensor;

/**
 * Gaussian blur of the {@code H x W} planes of an NCHW tensor, as torchvision's
 * {@code gaussian_blur(img, [k, k], [sigma, sigma])}: the 1-D kernel
 *
 * <pre>
 *   t_i = -(k - 1)/2 + i,   g_i = exp(-t_i^2 / (2 sigma^2)) / sum_j exp(-t_j^2 / (2 sigma^2))
 * </pre>
 *
 * for {@code i = 0..k-1}, applied along rows and then columns (the 2-D kernel is the outer
 * product {@code g g^T}, so the two passes equal torchvision's single 2-D convolution up to
 * rounding), over the input padded by {@code k / 2} on every side with reflect padding (the
 * mirror without repeating the edge: {@code x[-1] = x[1]}). Computed in double, kernel included;
 * torchvision computes its kernel in float32 even for float64 images, so F64 results agree with
 * it to about 1e-7 relative, not to double precision.
 */
public final class Blur {
  private Blur() {}

  /** The normalised 1-D Gaussian kernel of odd size {@code kernelSize}. */
  public static double[] kernel1d(int kernelSize, double sigma) {
    if (kernelSize < 1 || kernelSize % 2 == 0) {
      throw new IllegalArgumentException(
          "gaussian: kernel size must be odd and positive, got " + kernelSize);
    }
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("gaussian: sigma must be finite and > 0, got " + sigma);
    }
    double[] g = new double[kernelSize];
    double half = (kernelSize - 1) * 0.5;
    double sum = 0;
    for (int i = 0; i < kernelSize; i++) {
      double t = (i - half) / sigma;
      g[i] = Math.exp(-0.5 * t * t);
      sum += g[i];
    }
    for (int i = 0; i < kernelSize; i++) {
      g[i] /= sum;
    }
    return g;
  }

  /** {@code x [N, C, H, W]} blurred plane by plane; H and W must exceed {@code kernelSize / 2}. */
  public static Tensor gaussian(Tensor x, int kernelSize, double sigma) {
    Shape s = x.shape();
    if (s.rank() != 4) {
      throw new IllegalArgumentException("gaussian: input " + s + " should be [N, C, H, W]");
    }
    double[] g = kernel1d(kernelSize, sigma);
    int r = kernelSize / 2;
    int h = s.dim(2);
    int w = s.dim(3);
    if (r >= h || r >= w) {
      throw new IllegalArgumentException(
          "gaussian: reflect padding " + r + " needs planes larger than " + r + "x" + r
              + ", got " + h + "x" + w);
    }
    double[] v = x.toDoubleArray();
    double[] rowPass = new double[v.length];
    double[] out = new double[v.length];
    double[] padded = new double[Math.max(h, w) + 2 * r];
    int planes = s.dim(0) * s.dim(1);
    for (int p = 0; p < planes; p++) {
      int base = p * h * w;
      for (int i = 0; i < h; i++) {
        blurLine(v, rowPass, base + i * w, 1, w, g, padded);
      }
      for (int j = 0; j < w; j++) {
        blurLine(rowPass, out, base + j, w, h, g, padded);
      }
    }
    return Tensor.fromDoubles(x.dtype(), s, out);
  }

  /**
   * Blurs the line {@code src[off + i step]}, {@code i < n}, into the same places of dst: the
   * line is copied once, reflect-padded by {@code r = g.length / 2}, into {@code padded}.
   */
  private static void blurLine(
      double[] src, double[] dst, int off, int step, int n, double[] g, double[] padded) {
    int r = g.length / 2;
    for (int i = -r; i < n + r; i++) {
      int reflected = i < 0 ? -i : i >= n ? 2 * (n - 1) - i : i; // the mirror, edge not repeated
      padded[i + r] = src[off + reflected * step];
    }
    for (int i = 0; i < n; i++) {
      double acc = 0;
      for (int q = 0; q < g.length; q++) {
        acc += g[q] * padded[i + q];
      }
      dst[off + i * step] = acc;
    }
  }
}
