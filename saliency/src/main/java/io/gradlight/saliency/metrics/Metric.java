package io.gradlight.saliency.metrics;

/**
 * The metrics {@code gradlight evaluate} reports, in table order, with their units and the
 * direction in which they improve.
 */
public enum Metric {
  /** {@link CausalMetric} deletion: area in [0, 1]. */
  DELETION("deletion AUC", "deletion_auc", false),
  /** {@link CausalMetric} insertion: area in [0, 1]. */
  INSERTION("insertion AUC", "insertion_auc", true),
  /** {@link ConfidenceChange#averageDrop}, percent. */
  AVERAGE_DROP("average drop %", "average_drop", false),
  /** {@link ConfidenceChange#increaseInConfidence}, percent of images. */
  INCREASE_IN_CONFIDENCE("increase %", "increase_in_confidence", true),
  /** {@link PointingGame#accuracy}, percent (class-averaged, as TorchRay). */
  POINTING_GAME("pointing %", "pointing_game", true),
  /** {@link EnergyPointingGame}, percent of the energy inside the object's box. */
  ENERGY_POINTING("energy pointing %", "energy_pointing", true),
  /** {@link RelevanceMass}, percent of the positive relevance inside the object mask. */
  RELEVANCE_MASS("relevance mass %", "relevance_mass", true);

  private final String label;
  private final String column;
  private final boolean higherIsBetter;

  Metric(String label, String column, boolean higherIsBetter) {
    this.label = label;
    this.column = column;
    this.higherIsBetter = higherIsBetter;
  }

  /** The table heading, e.g. {@code deletion AUC}. */
  public String label() {
    return label;
  }

  /** The CSV column name, e.g. {@code deletion_auc}. */
  public String column() {
    return column;
  }

  /** Whether a larger value is better (insertion) or worse (deletion). */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }
}
