package io.gradlight.saliency.metrics;

import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.data.ShapesBatch;
import io.gradlight.nn.image.Preprocessing;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Images to evaluate saliency maps on, with their object masks: images {@code [N, C, H, W]} in the
 * model's input space (after its {@link Preprocessing}), masks {@code [N, H, W]} of 0 and 1 at the
 * same size, the label of each image (or null: explain the model's top-1 class), and a name per
 * image for per-image tables.
 */
public record EvaluationSet(Tensor images, Tensor masks, int[] labels, List<String> names) {

  public EvaluationSet {
    if (images.rank() != 4 || images.dim(0) < 1) {
      throw new IllegalArgumentException("evaluation images must be [N, C, H, W] with N >= 1, got "
          + images.shape());
    }
    int n = images.dim(0);
    if (masks.rank() != 3 || masks.dim(0) != n || masks.dim(1) != images.dim(2)
        || masks.dim(2) != images.dim(3)) {
      throw new IllegalArgumentException("evaluation masks must be [" + n + ", " + images.dim(2)
          + ", " + images.dim(3) + "] for images " + images.shape() + ", got " + masks.shape());
    }
    if (labels != null && labels.length != n) {
      throw new IllegalArgumentException(labels.length + " labels for " + n + " images");
    }
    if (names.size() != n) {
      throw new IllegalArgumentException(names.size() + " names for " + n + " images");
    }
    labels = labels == null ? null : labels.clone();
    names = List.copyOf(names);
  }

  /**
   * Images {@code 0 .. count-1} of the Shapes data set for {@code seed}, drawn at the
   * preprocessing's size (which must be square) and normalised by it.
   */
  public static EvaluationSet shapes(int count, long seed, Preprocessing preprocessing) {
    if (preprocessing.height() != preprocessing.width()) {
      throw new IllegalArgumentException("Shapes images are square; the model's input is "
          + preprocessing.height() + " x " + preprocessing.width());
    }
    ShapesBatch batch = new Shapes(preprocessing.height(), false).batch(0, count, seed);
    List<String> names = new ArrayList<>();
    List<Tensor> images = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(String.format("shapes-%d-%05d", seed, i));
      images.add(preprocessing.apply(batch.images().slice(0, i, i + 1)));
    }
    return new EvaluationSet(Tensor.concat(0, images.toArray(Tensor[]::new)), batch.masks(),
        batch.labels(), names);
  }

  /** The same set with its images in {@code dtype} (a model's). */
  public EvaluationSet to(DType dtype) {
    return new EvaluationSet(images.to(dtype), masks, labels, names);
  }

  /** The number of images. */
  public int count() {
    return images.dim(0);
  }

  /** The image height. */
  public int height() {
    return images.dim(2);
  }

  /** The image width. */
  public int width() {
    return images.dim(3);
  }

  @Override
  public int[] labels() {
    return labels == null ? null : labels.clone();
  }
}
