package io.gradlight.saliency.metrics;

import io.gradlight.tensor.Tensor;

/**
 * Ground-truth object masks {@code [N, H, W]} as the localisation metrics read them: a pixel is
 * inside the object when its mask value is at least {@value #INSIDE}. Masks written by {@code
 * gradlight dataset} are 0 and 1; grey PNG masks from elsewhere are read in [0, 1], so this is
 * "at least half white".
 */
public final class ObjectMasks {
  /** The least mask value of a pixel inside the object. */
  public static final double INSIDE = 0.5;

  private ObjectMasks() {}

  /** Whether each pixel of image {@code i} is inside its object, row-major {@code [H * W]}. */
  public static boolean[] inside(Tensor masks, int i) {
    checkMasks(masks);
    int hw = masks.dim(1) * masks.dim(2);
    double[] m = masks.slice(0, i, i + 1).toDoubleArray();
    boolean[] in = new boolean[hw];
    for (int p = 0; p < hw; p++) {
      in[p] = m[p] >= INSIDE;
    }
    return in;
  }

  /**
   * The bounding box of the object, {@code {top, left, bottom, right}} with bottom and right
   * exclusive, or null when the mask is empty.
   */
  public static int[] boundingBox(boolean[] inside, int height, int width) {
    int top = height;
    int left = width;
    int bottom = -1;
    int right = -1;
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        if (inside[r * width + c]) {
          top = Math.min(top, r);
          bottom = Math.max(bottom, r);
          left = Math.min(left, c);
          right = Math.max(right, c);
        }
      }
    }
    return bottom < 0 ? null : new int[] {top, left, bottom + 1, right + 1};
  }

  /** Checks that {@code masks} is {@code [N, H, W]}. */
  static void checkMasks(Tensor masks) {
    if (masks.rank() != 3) {
      throw new IllegalArgumentException("object masks must be [N, H, W], got " + masks.shape());
    }
  }

  /** Checks that maps and masks are both {@code [N, H, W]} of the same shape. */
  static void checkMapsAndMasks(Tensor maps, Tensor masks) {
    checkMasks(masks);
    if (!maps.shape().equals(masks.shape())) {
      throw new IllegalArgumentException("saliency maps " + maps.shape()
          + " and object masks " + masks.shape() + " must have the same shape [N, H, W]");
    }
  }
}
