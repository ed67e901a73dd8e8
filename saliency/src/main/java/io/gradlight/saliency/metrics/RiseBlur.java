package io.gradlight.saliency.metrics;

import io.gradlight.tensor.Tensor;

/**
 * The insertion substrate of the RISE reference code (eclique/RISE, {@code evaluation.py}): the
 * image blurred by {@code gkern(klen=11, nsig=5)} with zero padding, channel by channel,
 *
 * <pre>
 *   K    = scipy.ndimage.gaussian_filter(delta, 5)      delta: 11 x 11, a 1 at its centre
 *   blur = conv2d(x, K on each channel, padding = 5)    zeros outside the image
 * </pre>
 *
 * <p>scipy's filter is a sampled Gaussian of radius {@code r = int(4 sigma + 0.5) = 20}
 * (truncation 4, its default), normalised over its {@code 2r + 1} taps, run along each axis with
 * the {@code reflect} boundary (half-sample symmetric: {@code ... b a | a b c ... | c b a ...},
 * repeated as often as the radius needs). On a centred delta it is separable, {@code K = f f^T}
 * with {@code f = gaussian_filter1d(e_5, 5)} over 11 samples; the reflections fold the tails
 * beyond 5 pixels back inside, so {@code f} sums to 1 and is flatter than a Gaussian cut at 5
 * pixels and renormalised (torchvision's {@code gaussian_blur}, which also pads by reflection).
 * The zero padding darkens a 5-pixel border toward 0: the mean colour for ImageNet-normalised
 * inputs, black for the unit-range {@code shapesnet} input.
 *
 * <p>Computed in double (the reference's kernel is float32), as two separable passes.
 */
final class RiseBlur {
  /** The reference's {@code klen}: the kernel's side. */
  static final int KERNEL = 11;

  /** The reference's {@code nsig}: the Gaussian's sigma in pixels. */
  static final double SIGMA = 5;

  /** scipy's default {@code truncate}: the sampled Gaussian reaches {@code 4 sigma}. */
  private static final double TRUNCATE = 4;

  private RiseBlur() {}

  /** The 1-D factor {@code f} of the kernel, 11 values summing to 1. */
  static double[] kernel1d() {
    int radius = (int) (TRUNCATE * SIGMA + 0.5);
    double[] taps = new double[2 * radius + 1];
    double sum = 0;
    for (int t = -radius; t <= radius; t++) {
      taps[t + radius] = Math.exp(-0.5 * t * t / (SIGMA * SIGMA));
      sum += taps[t + radius];
    }
    int centre = KERNEL / 2;
    double[] f = new double[KERNEL];
    for (int i = 0; i < KERNEL; i++) {
      for (int t = -radius; t <= radius; t++) {
        if (reflect(i + t, KERNEL) == centre) {
          f[i] += taps[t + radius] / sum;
        }
      }
    }
    return f;
  }

  /** The index that position {@code k} of a line of {@code n} reads under scipy's reflect. */
  static int reflect(int k, int n) {
    int m = Math.floorMod(k, 2 * n);
    return m < n ? m : 2 * n - 1 - m;
  }

  /** {@code x [N, C, H, W]} blurred as the reference does, in {@code x}'s dtype. */
  static Tensor apply(Tensor x) {
    if (x.rank() != 4) {
      throw new IllegalArgumentException("RISE blur: input " + x.shape()
          + " should be [N, C, H, W]");
    }
    double[] f = kernel1d();
    int h = x.dim(2);
    int w = x.dim(3);
    double[] v = x.toDoubleArray();
    double[] rows = new double[v.length];
    double[] out = new double[v.length];
    int planes = x.dim(0) * x.dim(1);
    for (int p = 0; p < planes; p++) {
      int base = p * h * w;
      for (int i = 0; i < h; i++) {
        blurLine(v, rows, base + i * w, 1, w, f);
      }
      for (int j = 0; j < w; j++) {
        blurLine(rows, out, base + j, w, h, f);
      }
    }
    return Tensor.of(out, x.shape().dims()).to(x.dtype());
  }

  /** Correlates the line {@code src[off + i step]}, {@code i < n}, with {@code f}, zeros outside. */
  private static void blurLine(double[] src, double[] dst, int off, int step, int n, double[] f) {
    int r = f.length / 2;
    for (int i = 0; i < n; i++) {
      double acc = 0;
      for (int q = Math.max(0, r - i); q < f.length && i + q - r < n; q++) {
        acc += f[q] * src[off + (i + q - r) * step];
      }
      dst[off + i * step] = acc;
    }
  }
}
