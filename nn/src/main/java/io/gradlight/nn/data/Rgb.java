package io.gradlight.nn.data;

/** A colour as red, green and blue intensities in [0, 1] (sRGB values, no gamma handling). */
record Rgb(double r, double g, double b) {
  Rgb {
    if (!(r >= 0 && r <= 1 && g >= 0 && g <= 1 && b >= 0 && b <= 1)) {
      throw new IllegalArgumentException(
          "colour components must lie in [0, 1], got (" + r + ", " + g + ", " + b + ")");
    }
  }

  /**
   * The colour with hue {@code h} (in turns: 0 red, 1/3 green, 2/3 blue; wraps around), saturation
   * {@code s} and value {@code v}, both in [0, 1]: the standard hexcone model.
   */
  static Rgb fromHsv(double h, double s, double v) {
    double turns = h - Math.floor(h);
    double sector = turns * 6;
    int k = Math.min(5, (int) sector);
    double f = sector - k;
    double p = v * (1 - s);
    double q = v * (1 - s * f);
    double t = v * (1 - s * (1 - f));
    return switch (k) {
      case 0 -> new Rgb(v, t, p);
      case 1 -> new Rgb(q, v, p);
      case 2 -> new Rgb(p, v, t);
      case 3 -> new Rgb(p, q, v);
      case 4 -> new Rgb(t, p, v);
      default -> new Rgb(v, p, q);
    };
  }

  /** The luma {@code 0.299 r + 0.587 g + 0.114 b} (ITU-R BT.601), the brightness people see. */
  double luminance() {
    return luminance(r, g, b);
  }

  static double luminance(double r, double g, double b) {
    return 0.299 * r + 0.587 * g + 0.114 * b;
  }
}
