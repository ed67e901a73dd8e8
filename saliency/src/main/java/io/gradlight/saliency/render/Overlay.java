package io.gradlight.saliency.render;

import io.gradlight.nn.image.Preprocessing;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;

/**
 * Saliency maps as pictures: a coloured heat map, alone or blended over the image it explains.
 *
 * <p>The blend is pytorch-grad-cam's {@code show_cam_on_image(img, mask, use_rgb=True,
 * image_weight=0.5)}, in RGB:
 *
 * <pre>
 *   heat = colormap(mask)                 (entry floor(255 mask), see {@link Colormap})
 *   out  = (1 - w) heat + w image         w = {@value #IMAGE_WEIGHT}
 *   out  = out / max(out)                 over the whole picture
 * </pre>
 *
 * with {@code image} the model's input brought back to [0, 1] ({@link #imageOf}); like
 * pytorch-grad-cam, an image outside [0, 1] is an error.
 */
public final class Overlay {
  /** The weight of the image in the blend, pytorch-grad-cam's default. */
  public static final double IMAGE_WEIGHT = 0.5;

  private Overlay() {}

  /** The display map {@code [H, W]} in [0, 1] as a coloured F32 picture {@code [3, H, W]}. */
  public static Tensor heat(Tensor map, Colormap colormap) {
    return colormap.apply(map);
  }

  /**
   * The display map {@code [H, W]} over {@code image} {@code [3, H, W]} (values in [0, 1]) with
   * the image weight {@code w} in [0, 1]: F32 {@code [3, H, W]} in [0, 1].
   */
  public static Tensor onImage(Tensor map, Tensor image, Colormap colormap, double w) {
    if (!(w >= 0 && w <= 1)) {
      throw new IllegalArgumentException("the image weight must be in [0, 1], got " + w);
    }
    if (image.rank() != 3 || image.dim(0) != 3 || map.rank() != 2
        || image.dim(1) != map.dim(0) || image.dim(2) != map.dim(1)) {
      throw new IllegalArgumentException("overlay: the map " + map.shape()
          + " must be [H, W] of an image [3, H, W], got " + image.shape());
    }
    if (image.minValue() < 0 || image.maxValue() > 1) {
      throw new IllegalArgumentException("overlay: image values must be in [0, 1], got "
          + image.minValue() + " to " + image.maxValue() + "; see imageOf");
    }
    Tensor blend = heat(map, colormap).mul(1 - w).add(image.to(DType.F32).mul(w));
    double max = blend.maxValue();
    return max > 0 ? blend.div(max) : blend;
  }

  /** {@link #onImage} with pytorch-grad-cam's weight {@value #IMAGE_WEIGHT}. */
  public static Tensor onImage(Tensor map, Tensor image, Colormap colormap) {
    return onImage(map, image, colormap, IMAGE_WEIGHT);
  }

  /**
   * A model input {@code [3, H, W]} as a picture: the preprocessing's normalisation undone
   * ({@code x std + mean}) and clamped to [0, 1], F32.
   */
  public static Tensor imageOf(Tensor input, Preprocessing preprocessing) {
    return preprocessing.denormalise(input.to(DType.F32)).clamp(0, 1);
  }
}
