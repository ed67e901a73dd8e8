package io.gradlight.saliency.sanity;

import io.gradlight.tensor.Tensor;

/**
 * One comparison of a sanity test: the maps of a changed model (or of another class) against the
 * original maps, image by image.
 *
 * @param test the test
 * @param step what changed: for {@link SanityTest#CASCADING} the last layer group re-initialised
 *     (every group above it is too), for {@link SanityTest#INDEPENDENT} the one group
 *     re-initialised, else the test's id
 * @param perImage the similarity of each image's map to its original map
 * @param display the changed display maps {@code [N, H, W]}
 */
public record SanityStep(SanityTest test, String step, Similarity[] perImage, Tensor display) {

  public SanityStep {
    if (perImage.length == 0 || perImage.length != display.dim(0)) {
      throw new IllegalArgumentException("a sanity step needs one similarity per image, got "
          + perImage.length + " for display maps " + display.shape());
    }
    perImage = perImage.clone();
  }

  @Override
  public Similarity[] perImage() {
    return perImage.clone();
  }

  /** The mean similarity over the images. */
  public Similarity mean() {
    return Similarity.mean(perImage);
  }
}
