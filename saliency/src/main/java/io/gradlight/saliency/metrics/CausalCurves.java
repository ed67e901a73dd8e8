package io.gradlight.saliency.metrics;

/**
 * The curves of a deletion or insertion run (see {@link CausalMetric}): per image, the explained
 * class's probability after {@code 0, 1, ..., steps} steps ({@code steps + 1} points, the last with
 * every pixel changed), and the normalised area under each curve.
 *
 * @param mode deletion or insertion
 * @param pixelsPerStep the number of pixels changed per step
 * @param curves {@code [N][steps + 1]}
 * @param auc per image, {@link CausalMetric#auc} of its curve
 */
public record CausalCurves(
    CausalMetric.Mode mode, int pixelsPerStep, double[][] curves, double[] auc) {

  public CausalCurves {
    if (curves.length != auc.length) {
      throw new IllegalArgumentException(curves.length + " curves but " + auc.length + " areas");
    }
    curves = deepCopy(curves);
    auc = auc.clone();
  }

  @Override
  public double[][] curves() {
    return deepCopy(curves);
  }

  @Override
  public double[] auc() {
    return auc.clone();
  }

  /** The number of steps (each curve has one more point). */
  public int steps() {
    return curves.length == 0 ? 0 : curves[0].length - 1;
  }

  /** The mean area over the images. */
  public double meanAuc() {
    return Stats.mean(auc);
  }

  /** The pointwise mean curve over the images (the curve RISE's paper plots). */
  public double[] meanCurve() {
    double[] mean = new double[steps() + 1];
    for (double[] c : curves) {
      for (int s = 0; s < mean.length; s++) {
        mean[s] += c[s] / curves.length;
      }
    }
    return mean;
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] b = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i].clone();
    }
    return b;
  }
}
