package io.gradlight.saliency.metrics;

import io.gradlight.saliency.SaliencyMap;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.Map;

/**
 * The centre baseline: a map that ignores the image and the model and peaks at the image centre,
 * scored by every metric exactly like a method's map, so that a method is only worth something
 * where it beats it (TorchRay's pointing table starts with a "center" row: 69.6% on VOC07).
 *
 * <p>The map is a cone, {@code 1 - d / d_max}, with {@code d} the distance from a pixel's centre to
 * the image centre {@code ((W - 1) / 2, (H - 1) / 2)} and {@code d_max} that of a corner pixel: in
 * [0, 1], with no parameter. It is both the raw and the display map. For an even size the four
 * middle pixels tie and the pointing game takes the first, {@code (H/2 - 1, W/2 - 1)}, half a
 * pixel diagonal from TorchRay's centre point {@code (W/2, H/2)}.
 */
public final class CentreBaseline {
  /** The name in tables and files. */
  public static final String NAME = "centre baseline";

  private CentreBaseline() {}

  /** The cone, F32 {@code [N, H, W]} (the same for every image). */
  public static Tensor maps(int count, int height, int width) {
    if (count < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException("centre baseline: need at least one image of 1 x 1, got "
          + count + " images of " + height + " x " + width);
    }
    double cy = (height - 1) / 2.0;
    double cx = (width - 1) / 2.0;
    double far = Math.hypot(cy, cx);
    float[] m = new float[count * height * width];
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        double d = Math.hypot(r - cy, c - cx);
        float v = far == 0 ? 1f : (float) (1 - d / far);
        for (int i = 0; i < count; i++) {
          m[(i * height + r) * width + c] = v;
        }
      }
    }
    return Tensor.wrap(m, Shape.of(count, height, width));
  }

  /** The baseline as a saliency map for images with these classes. */
  public static SaliencyMap of(int[] classes, int height, int width) {
    Tensor m = maps(classes.length, height, width);
    return new SaliencyMap(NAME, m, m, classes, null, Map.of());
  }
}
