package io.gradlight.saliency.manipulation;

import io.gradlight.saliency.Display;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;

/**
 * The picture a manipulated network makes Grad-CAM draw: an F64 {@code [h, w]} grid with values in
 * [0, 1] at the target layer's resolution (bright where the explanation should point).
 *
 * <p>Two sources: a built-in {@link #smiley} drawn at any resolution, and any RGB image ({@link
 * #fromImage}), turned to luminance {@code 0.299 R + 0.587 G + 0.114 B}, area-averaged down to
 * {@code h x w} and stretched to [0, 1].
 */
public final class TargetPicture {
  /** Sub-samples per pixel and axis when drawing the smiley (anti-aliasing). */
  private static final int SUPERSAMPLING = 8;

  private final Tensor values;

  private TargetPicture(Tensor values) {
    this.values = values;
  }

  /**
   * A picture of the given values, F64 {@code [h, w]} in [0, 1] with at least one pixel above 0.
   */
  public static TargetPicture of(Tensor values) {
    if (values.rank() != 2 || values.dtype() != DType.F64) {
      throw new IllegalArgumentException(
          "a target picture must be F64 [h, w], got " + values.dtype() + " " + values.shape());
    }
    if (values.minValue() < 0 || values.maxValue() > 1 || values.maxValue() == 0) {
      throw new IllegalArgumentException(
          "a target picture needs values in [0, 1], not all 0; got ["
              + values.minValue()
              + ", "
              + values.maxValue()
              + "]");
    }
    return new TargetPicture(values);
  }

  /**
   * A smiley face on a dark ground, {@code height x width} pixels: two round eyes and a smiling
   * mouth (an arc of a ring), each pixel's value the fraction of it the features cover.
   */
  public static TargetPicture smiley(int height, int width) {
    checkSize(height, width);
    double[] v = new double[height * width];
    double samples = SUPERSAMPLING * SUPERSAMPLING;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int covered = 0;
        for (int sy = 0; sy < SUPERSAMPLING; sy++) {
          for (int sx = 0; sx < SUPERSAMPLING; sx++) {
            double u = (x + (sx + 0.5) / SUPERSAMPLING) / width;
            double w = (y + (sy + 0.5) / SUPERSAMPLING) / height;
            covered += inSmiley(u, w) ? 1 : 0;
          }
        }
        v[y * width + x] = covered / samples;
      }
    }
    return of(Tensor.wrap(v, Shape.of(height, width)));
  }

  /** Whether the point (u, v) of the unit square (v down) is on an eye or on the mouth. */
  private static boolean inSmiley(double u, double v) {
    double eyeRadius = 0.13;
    boolean eye =
        Math.hypot(u - 0.3, v - 0.3) <= eyeRadius || Math.hypot(u - 0.7, v - 0.3) <= eyeRadius;
    double r = Math.hypot(u - 0.5, v - 0.4);
    boolean mouth = r >= 0.24 && r <= 0.38 && v - 0.4 >= 0.6 * r;
    return eye || mouth;
  }

  /**
   * The picture of an RGB image {@code [3, H, W]} (values in [0, 1]) at {@code height x width}:
   * luminance, area-averaged, then min-max stretched to [0, 1].
   *
   * @throws IllegalArgumentException if the image is flat (every pixel of the same luminance)
   */
  public static TargetPicture fromImage(Tensor rgb, int height, int width) {
    checkSize(height, width);
    if (rgb.rank() != 3 || rgb.dim(0) != 3) {
      throw new IllegalArgumentException(
          "a target image must be RGB [3, H, W], got " + rgb.shape());
    }
    int h = rgb.dim(1);
    int w = rgb.dim(2);
    double[] p = rgb.toDoubleArray();
    double[] luminance = new double[h * w];
    for (int at = 0; at < luminance.length; at++) {
      luminance[at] = 0.299 * p[at] + 0.587 * p[h * w + at] + 0.114 * p[2 * h * w + at];
    }
    double[][] rows = areaWeights(h, height);
    double[][] cols = areaWeights(w, width);
    double[] out = new double[height * width];
    for (int oy = 0; oy < height; oy++) {
      for (int ox = 0; ox < width; ox++) {
        double s = 0;
        for (int y = 0; y < h; y++) {
          if (rows[oy][y] != 0) {
            for (int x = 0; x < w; x++) {
              s += rows[oy][y] * cols[ox][x] * luminance[y * w + x];
            }
          }
        }
        out[oy * width + ox] = s;
      }
    }
    Tensor t = Tensor.wrap(out, Shape.of(height, width));
    double lo = t.minValue();
    double hi = t.maxValue();
    if (hi - lo < 1e-12) {
      throw new IllegalArgumentException(
          "the target image is flat (luminance " + lo + " everywhere); it draws no picture");
    }
    return of(t.sub(lo).div(hi - lo));
  }

  /**
   * {@code weights[o][i]}: the share of output cell {@code o} (of {@code m} cells) covered by input
   * pixel {@code i} (of {@code n}), when both tile the same interval; each row sums to 1.
   */
  private static double[][] areaWeights(int n, int m) {
    double[][] weights = new double[m][n];
    double cell = (double) n / m;
    for (int o = 0; o < m; o++) {
      double lo = o * cell;
      double hi = lo + cell;
      for (int i = (int) Math.floor(lo); i < Math.min(n, Math.ceil(hi)); i++) {
        weights[o][i] = (Math.min(hi, i + 1) - Math.max(lo, i)) / cell;
      }
    }
    return weights;
  }

  private static void checkSize(int height, int width) {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "a target picture needs at least 1 x 1 pixels, got " + height + " x " + width);
    }
  }

  /** The values, F64 {@code [h, w]} in [0, 1]. */
  public Tensor values() {
    return values;
  }

  public int height() {
    return values.dim(0);
  }

  public int width() {
    return values.dim(1);
  }

  /**
   * The picture as a perfectly fooled Grad-CAM would show it: through {@link Display#ofMap} (ReLU,
   * min-max, bilinear resize) to {@code [height, width]}.
   */
  public Tensor display(int height, int width) {
    return Display.ofMap(values.reshape(1, height(), width()), true, height, width)
        .reshape(height, width);
  }
}
