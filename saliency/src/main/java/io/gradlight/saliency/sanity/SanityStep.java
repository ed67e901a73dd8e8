package io.gradlight.saliency.sanity;

import io.gradlight.tensor.Tensor;

/**
 * One comparison of a sanity test: the maps of a changed model (or of another class) against the
 * original maps.
 *
 * @param test the test
 * @param step what changed: for {@link SanityTest#CASCADING} the last layer group re-initialised
 *     (every group above it is too), for {@link SanityTest#INDEPENDENT} the one group
 *     re-initialised, else the test's id
 * @param samples the similarity of each changed map to its original: one per image, or for the
 *     randomisation tests one per image and repeat (repeat by repeat, images in order)
 * @param display the changed display maps {@code [N, H, W]} (of the first repeat)
 */
public record SanityStep(SanityTest test, String step, Similarity[] samples, Tensor display) {

  public SanityStep {
    int n = display.dim(0);
    if (samples.length == 0 || samples.length % n != 0) {
      throw new IllegalArgumentException("a sanity step needs one similarity per image and"
          + " repeat, got " + samples.length + " for display maps " + display.shape());
    }
    samples = samples.clone();
  }

  @Override
  public Similarity[] samples() {
    return samples.clone();
  }

  /** The mean similarity over the samples. */
  public Similarity mean() {
    return Similarity.mean(samples);
  }
}
