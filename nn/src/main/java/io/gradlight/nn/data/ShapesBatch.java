package io.gradlight.nn.data;

import io.gradlight.tensor.Tensor;

/**
 * A batch of {@link Shapes} images, stacked for a network.
 *
 * @param images F32 {@code [N, 3, H, W]}, values in [0, 1]
 * @param labels the N class indices (the array is copied in and out)
 * @param masks F32 {@code [N, H, W]}: the object masks (see {@link ShapesSample#mask()})
 * @param cueMasks F32 {@code [N, H, W]}: the Clever-Hans cue masks, zeros where there is no cue
 */
public record ShapesBatch(Tensor images, int[] labels, Tensor masks, Tensor cueMasks) {
  public ShapesBatch {
    int n = labels.length;
    if (images.rank() != 4 || images.dim(0) != n || images.dim(1) != 3) {
      throw new IllegalArgumentException(
          "images must be [" + n + ", 3, H, W] for " + n + " labels, got " + images.shape());
    }
    int h = images.dim(2);
    int w = images.dim(3);
    for (Tensor m : new Tensor[] {masks, cueMasks}) {
      if (m.rank() != 3 || m.dim(0) != n || m.dim(1) != h || m.dim(2) != w) {
        throw new IllegalArgumentException(
            "masks must be [" + n + ", " + h + ", " + w + "], got " + m.shape());
      }
    }
    labels = labels.clone();
  }

  /** The number of images. */
  public int count() {
    return labels.length;
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }
}
