package io.gradlight.nn.data;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;

/**
 * One image of the {@link Shapes} data set with its ground truth.
 *
 * @param image the RGB image, F32 {@code [3, H, W]}, values in [0, 1]
 * @param mask the object mask, F32 {@code [H, W]}: 1 where the class shape covers at least half of
 *     the pixel (and the Clever-Hans cue does not cover it), else 0
 * @param label the class index, the ordinal of a {@link ShapeClass}
 * @param cueMask the Clever-Hans cue's mask, F32 {@code [H, W]} of 0 and 1; all zeros when the
 *     image has no cue
 */
public record ShapesSample(Tensor image, Tensor mask, int label, Tensor cueMask) {
  public ShapesSample {
    if (image.dtype() != DType.F32 || image.rank() != 3 || image.dim(0) != 3) {
      throw new IllegalArgumentException(
          "image must be F32 [3, H, W], got " + image.dtype() + " " + image.shape());
    }
    Shape plane = Shape.of(image.dim(1), image.dim(2));
    if (!mask.shape().equals(plane)
        || !cueMask.shape().equals(plane)
        || mask.dtype() != DType.F32
        || cueMask.dtype() != DType.F32) {
      throw new IllegalArgumentException(
          "masks must be F32 "
              + plane
              + ", got "
              + mask.dtype()
              + " "
              + mask.shape()
              + " and "
              + cueMask.dtype()
              + " "
              + cueMask.shape());
    }
    ShapeClass.ofLabel(label);
  }

  /** The class of the shape in the image. */
  public ShapeClass shapeClass() {
    return ShapeClass.ofLabel(label);
  }

  /** Whether a Clever-Hans cue was drawn. */
  public boolean hasCue() {
    for (float v : cueMask.f32()) {
      if (v > 0) {
        return true;
      }
    }
    return false;
  }
}
