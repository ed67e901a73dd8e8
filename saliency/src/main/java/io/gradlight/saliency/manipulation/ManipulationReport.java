package io.gradlight.saliency.manipulation;

import io.gradlight.saliency.SaliencyMap;
import java.util.List;

/**
 * What {@link ManipulationExperiment} measured: how far the manipulated network's logits moved, and
 * per method how close its maps are to the target picture, on the original and on the manipulated
 * network.
 *
 * @param maxLogitDifference {@code max |z' - z|} over the batch and the classes
 * @param maxAbsLogit {@code max |z|}, the scale the difference is relative to
 * @param samePredictions whether every image keeps its top-1 class
 * @param classes the class explained per image (the original's top-1), the same on both networks
 * @param outcomes one per method, in the order asked
 */
public record ManipulationReport(
    double maxLogitDifference,
    double maxAbsLogit,
    boolean samePredictions,
    int[] classes,
    List<Outcome> outcomes) {

  public ManipulationReport {
    classes = classes.clone();
    outcomes = List.copyOf(outcomes);
  }

  @Override
  public int[] classes() {
    return classes.clone();
  }

  /** {@code maxLogitDifference / maxAbsLogit}. */
  public double relativeLogitDifference() {
    return maxLogitDifference / maxAbsLogit;
  }

  /** The outcome of method {@code id}. */
  public Outcome outcome(String id) {
    return outcomes.stream()
        .filter(o -> o.method().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no outcome for method " + id));
  }

  /**
   * One method's maps on both networks and their distances, each a mean over the images.
   *
   * @param original the maps of the original network
   * @param manipulated the maps of the manipulated network
   * @param originalToTarget mean absolute difference of the original's display maps and the
   *     target's display picture (in [0, 1]; lower is closer)
   * @param manipulatedToTarget the same for the manipulated network
   * @param originalSsim the SSIM of the original's display maps and the target picture
   * @param manipulatedSsim the same for the manipulated network
   * @param change mean absolute difference between the two networks' display maps
   */
  public record Outcome(
      String method,
      SaliencyMap original,
      SaliencyMap manipulated,
      double originalToTarget,
      double manipulatedToTarget,
      double originalSsim,
      double manipulatedSsim,
      double change) {

    /**
     * Whether the method was fooled: its manipulated maps are closer to the target than to its own
     * honest maps (mean L1).
     */
    public boolean fooled() {
      return manipulatedToTarget < change;
    }
  }
}
