package io.gradlight.saliency.metrics;

/**
 * Every metric of one method (or the centre baseline) on an {@link EvaluationSet}, per image and
 * aggregated as {@link Metric} defines: areas in [0, 1], the rest in percent, means skipping
 * images where a metric does not apply (an empty object mask).
 *
 * @param method the method's id, or {@link CentreBaseline#NAME}
 * @param layer the target layer the method used, or null
 * @param classes the explained class of each image
 * @param deletion the deletion curves
 * @param insertion the insertion curves
 * @param confidence the probabilities for average drop and increase in confidence
 * @param tolerance the pointing game's tolerance in pixels
 * @param pointing per image 1 (hit), 0 (miss) or NaN (empty mask)
 * @param energy per image, the energy-pointing proportion in [0, 1] or NaN
 * @param relevanceMass per image, the relevance mass in [0, 1] or NaN
 * @param seconds the wall time of the explanation and the metrics
 */
public record MethodScores(
    String method,
    String layer,
    int[] classes,
    CausalCurves deletion,
    CausalCurves insertion,
    ConfidenceChange.Result confidence,
    double tolerance,
    double[] pointing,
    double[] energy,
    double[] relevanceMass,
    double seconds) {

  public MethodScores {
    int n = classes.length;
    if (deletion.auc().length != n || insertion.auc().length != n
        || confidence.original().length != n || pointing.length != n || energy.length != n
        || relevanceMass.length != n) {
      throw new IllegalArgumentException("method scores: every metric needs one value for each of "
          + n + " images");
    }
    classes = classes.clone();
    pointing = pointing.clone();
    energy = energy.clone();
    relevanceMass = relevanceMass.clone();
  }

  /** The number of images. */
  public int count() {
    return classes.length;
  }

  /** The aggregate of a metric over the images, in its {@link Metric} unit. */
  public double value(Metric metric) {
    return switch (metric) {
      case DELETION -> deletion.meanAuc();
      case INSERTION -> insertion.meanAuc();
      case AVERAGE_DROP -> confidence.averageDrop();
      case INCREASE_IN_CONFIDENCE -> confidence.increaseInConfidence();
      case POINTING_GAME -> 100 * PointingGame.accuracy(pointing, classes);
      case ENERGY_POINTING -> 100 * Stats.mean(energy);
      case RELEVANCE_MASS -> 100 * Stats.mean(relevanceMass);
    };
  }

  /** A metric's value for each image, in its {@link Metric} unit (pointing: 100 or 0). */
  public double[] perImage(Metric metric) {
    return switch (metric) {
      case DELETION -> deletion.auc();
      case INSERTION -> insertion.auc();
      case AVERAGE_DROP -> confidence.drops();
      case INCREASE_IN_CONFIDENCE -> confidence.increases();
      case POINTING_GAME -> percent(pointing);
      case ENERGY_POINTING -> percent(energy);
      case RELEVANCE_MASS -> percent(relevanceMass);
    };
  }

  @Override
  public int[] classes() {
    return classes.clone();
  }

  @Override
  public double[] pointing() {
    return pointing.clone();
  }

  @Override
  public double[] energy() {
    return energy.clone();
  }

  @Override
  public double[] relevanceMass() {
    return relevanceMass.clone();
  }

  private static double[] percent(double[] fractions) {
    double[] p = new double[fractions.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = 100 * fractions[i];
    }
    return p;
  }
}
