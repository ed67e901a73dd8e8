package io.gradlight.nn.data;

/**
 * A square RGB image being drawn: three planes of {@code size x size} floats in [0, 1], stored
 * channel-major (CHW) so the array backs a {@code [3, size, size]} tensor as is.
 *
 * <p>Figures are drawn with anti-aliasing: a pixel's <em>coverage</em> by a figure is the fraction
 * of a {@value #SUBSAMPLES} x {@value #SUBSAMPLES} grid of points inside the pixel (at offsets
 * {@code (k + 1/2) / SUBSAMPLES}) that the figure contains, and the pixel becomes {@code (1 -
 * coverage) * old + coverage * colour}.
 */
final class Canvas {
  /** Supersampling points per pixel along each axis (16 per pixel). */
  static final int SUBSAMPLES = 4;

  private final int size;
  private final float[] pixels;

  Canvas(int size) {
    this.size = size;
    this.pixels = new float[3 * size * size];
  }

  int size() {
    return size;
  }

  /** The backing CHW array (not a copy). */
  float[] pixels() {
    return pixels;
  }

  /** Sets pixel {@code (row, col)}, clamping each component to [0, 1]. */
  void set(int row, int col, double r, double g, double b) {
    int plane = size * size;
    int at = row * size + col;
    pixels[at] = (float) Math.clamp(r, 0.0, 1.0);
    pixels[plane + at] = (float) Math.clamp(g, 0.0, 1.0);
    pixels[2 * plane + at] = (float) Math.clamp(b, 0.0, 1.0);
  }

  /**
   * The coverage of every pixel by {@code figure}, in [0, 1], row-major {@code size x size}. Only
   * pixels within the figure's enclosing circle's bounding box are sampled.
   */
  float[] coverage(Figure figure) {
    float[] coverage = new float[size * size];
    double reach = figure.extent();
    int col0 = Math.max(0, (int) Math.floor(figure.centerX() - reach));
    int col1 = Math.min(size - 1, (int) Math.floor(figure.centerX() + reach));
    int row0 = Math.max(0, (int) Math.floor(figure.centerY() - reach));
    int row1 = Math.min(size - 1, (int) Math.floor(figure.centerY() + reach));
    float perSample = 1f / (SUBSAMPLES * SUBSAMPLES);
    for (int row = row0; row <= row1; row++) {
      for (int col = col0; col <= col1; col++) {
        int hits = 0;
        for (int sy = 0; sy < SUBSAMPLES; sy++) {
          double y = row + (sy + 0.5) / SUBSAMPLES;
          for (int sx = 0; sx < SUBSAMPLES; sx++) {
            if (figure.contains(col + (sx + 0.5) / SUBSAMPLES, y)) {
              hits++;
            }
          }
        }
        coverage[row * size + col] = hits * perSample;
      }
    }
    return coverage;
  }

  /** Blends {@code colour} over the image with the given per-pixel coverage. */
  void blend(float[] coverage, Rgb colour) {
    int plane = size * size;
    float[] components = {(float) colour.r(), (float) colour.g(), (float) colour.b()};
    for (int at = 0; at < plane; at++) {
      float a = coverage[at];
      if (a > 0) {
        for (int c = 0; c < 3; c++) {
          int k = c * plane + at;
          pixels[k] = (1 - a) * pixels[k] + a * components[c];
        }
      }
    }
  }

  /**
   * The mean luminance of the image weighted by {@code weights} (for example a coverage), or of the
   * whole image when all weights are zero.
   */
  double meanLuminance(float[] weights) {
    int plane = size * size;
    double sum = 0;
    double total = 0;
    for (int at = 0; at < plane; at++) {
      double w = weights[at];
      sum += w * Rgb.luminance(pixels[at], pixels[plane + at], pixels[2 * plane + at]);
      total += w;
    }
    if (total > 0) {
      return sum / total;
    }
    for (int at = 0; at < plane; at++) {
      sum += Rgb.luminance(pixels[at], pixels[plane + at], pixels[2 * plane + at]);
    }
    return sum / plane;
  }
}
