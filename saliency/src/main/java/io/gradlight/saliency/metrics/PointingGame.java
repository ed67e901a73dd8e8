package io.gradlight.saliency.metrics;

import io.gradlight.tensor.Tensor;

/**
 * The pointing game (Zhang et al., "Top-down Neural Attention by Excitation Backprop", ECCV 2016),
 * as TorchRay's benchmark plays it: the map's maximum point {@code (u, v)} (the first maximum in
 * row-major order, as {@code torch.argmax} of the flattened map) is a <b>hit</b> when some object
 * pixel {@code (x, y)} lies strictly within the tolerance {@code tau}:
 *
 * <pre>
 *   hit  iff  exists (x, y) in mask:  (x - u)^2 + (y - v)^2 &lt; tau^2
 * </pre>
 *
 * <p>The published protocol uses {@code tau = 15} pixels on images whose short side is 224
 * ({@link #published}); {@link #scaled} keeps the same fraction of the short side for small
 * images ({@code 15 * min(H, W) / 224}, 4.29 pixels at 64 x 64). The accuracy is TorchRay's: the
 * mean over classes of each class's hit rate (over the classes that occur). An image whose mask is
 * empty cannot be pointed at and is skipped (NaN), as TorchRay skips absent classes. Quantus'
 * {@code PointingGame} has no tolerance, so its numbers do not compare with these.
 */
public final class PointingGame {
  /** The tolerance of the published protocol, in pixels. */
  public static final double PUBLISHED_TOLERANCE = 15;

  /** The short side of the images the published tolerance was chosen for. */
  public static final int PUBLISHED_SIZE = 224;

  private final double tolerance;

  /** A game with the given tolerance in pixels (positive). */
  public PointingGame(double tolerance) {
    if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException(
          "pointing game: the tolerance must be a positive number of pixels, got " + tolerance);
    }
    this.tolerance = tolerance;
  }

  /** The published protocol: 15 pixels. */
  public static PointingGame published() {
    return new PointingGame(PUBLISHED_TOLERANCE);
  }

  /** 15 pixels scaled to an image of {@code height x width}: {@code 15 * min(H, W) / 224}. */
  public static PointingGame scaled(int height, int width) {
    return new PointingGame(PUBLISHED_TOLERANCE * Math.min(height, width) / PUBLISHED_SIZE);
  }

  /** The tolerance in pixels. */
  public double tolerance() {
    return tolerance;
  }

  /**
   * Per image: 1 for a hit, 0 for a miss, NaN when the object mask is empty.
   *
   * @param maps {@code [N, H, W]} saliency maps at the mask's resolution
   * @param masks {@code [N, H, W]} object masks (see {@link ObjectMasks})
   */
  public double[] hits(Tensor maps, Tensor masks) {
    ObjectMasks.checkMapsAndMasks(maps, masks);
    int n = maps.dim(0);
    int h = maps.dim(1);
    int w = maps.dim(2);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      boolean[] inside = ObjectMasks.inside(masks, i);
      if (ObjectMasks.boundingBox(inside, h, w) == null) {
        out[i] = Double.NaN;
        continue;
      }
      int at = maximumPoint(maps, i);
      out[i] = hit(inside, h, w, at / w, at % w) ? 1 : 0;
    }
    return out;
  }

  /** The flat index of the first maximum of map {@code i} (NaN values are an error). */
  public static int maximumPoint(Tensor maps, int i) {
    double[] m = maps.slice(0, i, i + 1).toDoubleArray();
    int best = 0;
    for (int p = 0; p < m.length; p++) {
      if (Double.isNaN(m[p])) {
        throw new IllegalArgumentException("saliency map " + i + " has a NaN at pixel " + p);
      }
      if (m[p] > m[best]) {
        best = p;
      }
    }
    return best;
  }

  private boolean hit(boolean[] inside, int h, int w, int row, int col) {
    int reach = (int) Math.ceil(tolerance);
    double limit = tolerance * tolerance;
    for (int r = Math.max(0, row - reach); r <= Math.min(h - 1, row + reach); r++) {
      for (int c = Math.max(0, col - reach); c <= Math.min(w - 1, col + reach); c++) {
        double d2 = (double) (r - row) * (r - row) + (double) (c - col) * (c - col);
        if (d2 < limit && inside[r * w + c]) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * TorchRay's accuracy in [0, 1]: the mean over the classes that occur of {@code hits / (hits +
   * misses)}, skipping NaN entries; NaN when no image counts.
   *
   * @param hits per image, from {@link #hits}
   * @param classes the class of each image
   */
  public static double accuracy(double[] hits, int[] classes) {
    if (hits.length != classes.length) {
      throw new IllegalArgumentException("pointing game: " + hits.length + " results for "
          + classes.length + " classes; give one class per image");
    }
    int k = 0;
    for (int c : classes) {
      if (c < 0) {
        throw new IllegalArgumentException("pointing game: negative class " + c);
      }
      k = Math.max(k, c + 1);
    }
    double[] hitCount = new double[k];
    double[] total = new double[k];
    for (int i = 0; i < hits.length; i++) {
      if (!Double.isNaN(hits[i])) {
        hitCount[classes[i]] += hits[i];
        total[classes[i]]++;
      }
    }
    double sum = 0;
    int counted = 0;
    for (int c = 0; c < k; c++) {
      if (total[c] > 0) {
        sum += hitCount[c] / total[c];
        counted++;
      }
    }
    return counted == 0 ? Double.NaN : sum / counted;
  }
}
