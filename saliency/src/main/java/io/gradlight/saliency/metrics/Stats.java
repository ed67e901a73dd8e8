package io.gradlight.saliency.metrics;

/** Means over images that skip not-applicable (NaN) entries. */
final class Stats {
  private Stats() {}

  /** The mean of the non-NaN values, NaN when there are none. */
  static double mean(double[] values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
