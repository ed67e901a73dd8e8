package io.gradlight.saliency.sanity;

import java.util.Locale;

/**
 * The pass or fail of a method in the model-parameter randomisation test. A method passes when
 * its maps no longer rank pixels like the trained model's once every layer is re-initialised:
 * {@code |mean Spearman| <= threshold}, the rank correlation of the signed maps (without
 * absolute values, see {@link Similarity}) after the full cascade, averaged over the images and
 * repeats.
 *
 * <p>The threshold {@link #THRESHOLD} = 0.1 is gradlight's, proposed in
 * reference/reliability_anchors.md section 2.5; Adebayo et al. give no number and read their
 * curves, where unrelated maps score about 0.001 (App. B). It is an absolute value: a map that
 * turns into its negative still depends on the weights only through a sign.
 *
 * @param passed whether {@code |spearman| <= threshold}
 * @param spearman the mean Spearman after full cascading randomisation
 * @param threshold the threshold
 */
public record Verdict(boolean passed, double spearman, double threshold) {
  /** gradlight's threshold on the absolute mean Spearman after full randomisation. */
  public static final double THRESHOLD = 0.1;

  /** The verdict for a mean Spearman of {@code spearman} against {@link #THRESHOLD}. */
  public static Verdict of(double spearman) {
    return new Verdict(Math.abs(spearman) <= THRESHOLD, spearman, THRESHOLD);
  }

  /** {@code PASS} or {@code FAIL}. */
  public String word() {
    return passed ? "PASS" : "FAIL";
  }

  /** E.g. {@code PASS (|0.031| <= 0.1)}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s (|%.3f| %s %s)", word(), spearman,
        passed ? "<=" : ">", threshold);
  }
}
