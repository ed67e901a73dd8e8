package io.gradlight.saliency.sanity;

import java.util.Arrays;

/**
 * Spearman's rank correlation, as {@code scipy.stats.spearmanr} computes it: the Pearson
 * correlation of the two vectors' ranks, where tied values share the average of the ranks they
 * span (values {@code 5, 7, 7, 9} have ranks {@code 1, 2.5, 2.5, 4}):
 *
 * <pre>
 *   rho(a, b) = sum_i (r_i - mean r)(s_i - mean s)
 *               / sqrt(sum_i (r_i - mean r)^2 * sum_i (s_i - mean s)^2)
 * </pre>
 *
 * with {@code r = rank(a)} and {@code s = rank(b)}. With ties this is not the textbook shortcut
 * {@code 1 - 6 sum d^2 / (n (n^2 - 1))}, which holds only without ties.
 *
 * <p><b>Constant vectors.</b> scipy returns NaN when either vector is constant (0 / 0). Here a
 * constant vector has correlation 0 with anything: it ranks nothing, so it shares no ranking with
 * the other map. This matters for sanity checks, where a randomised model can make a map flat (a
 * Grad-CAM whose every weight is negative becomes all zeros after its ReLU): such a map has
 * changed completely and counts as unrelated, not as undefined.
 */
public final class Spearman {
  private Spearman() {}

  /** The rank correlation of {@code a} and {@code b}, in [-1, 1]; 0 if either is constant. */
  public static double of(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("Spearman: the vectors have lengths " + a.length + " and "
          + b.length + "; expected equal lengths");
    }
    if (a.length < 2) {
      throw new IllegalArgumentException("Spearman: needs at least 2 values, got " + a.length);
    }
    return pearson(ranks(a), ranks(b));
  }

  /** The rank correlation of {@code |a|} and {@code |b|}. */
  public static double ofAbsolute(double[] a, double[] b) {
    return of(abs(a), abs(b));
  }

  /**
   * The ranks of {@code values}, 1 for the smallest, ties sharing their average rank (scipy's
   * {@code rankdata(method='average')}). NaN is rejected: it has no rank.
   */
  public static double[] ranks(double[] values) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(values[i])) {
        throw new IllegalArgumentException("Spearman: value " + i + " is NaN; a map to rank must"
            + " be finite");
      }
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
    double[] ranks = new double[n];
    int start = 0;
    while (start < n) {
      int end = start + 1;
      while (end < n && values[order[end]] == values[order[start]]) {
        end++;
      }
      double average = (start + 1 + end) / 2.0; // ranks start+1 .. end, 1-based
      for (int k = start; k < end; k++) {
        ranks[order[k]] = average;
      }
      start = end;
    }
    return ranks;
  }

  private static double pearson(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    if (sxx == 0 || syy == 0) {
      return 0;
    }
    return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  }

  private static double[] abs(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.abs(v[i]);
    }
    return out;
  }
}
