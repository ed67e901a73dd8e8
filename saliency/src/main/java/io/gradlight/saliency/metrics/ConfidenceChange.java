package io.gradlight.saliency.metrics;

import io.gradlight.nn.Module;
import io.gradlight.tensor.Tensor;

/**
 * Average drop and increase in confidence (Chattopadhay et al., "Grad-CAM++", WACV 2018, section
 * 6.1.1; the same definitions in Score-CAM's section 5.2), per image {@code i} with explained class
 * {@code c}:
 *
 * <ul>
 *   <li>{@code Y_i}: the softmax probability of {@code c} on the input {@code x_i};
 *   <li>{@code O_i}: the same on the explanation map {@code E_i = x_i * L_i}, the input multiplied
 *       pixel by pixel (every channel) by the display map {@code L_i} in [0, 1]. The product is
 *       taken in the model's normalised input space, as pytorch-grad-cam's {@code
 *       CamMultImageConfidenceChange} does: for ImageNet-normalised models it fades unexplained
 *       pixels to the mean colour, for {@code shapesnet}'s unit-range input to black, which is the
 *       paper's image-space product;
 *   <li>average drop {@code = 100 / N sum_i max(0, Y_i - O_i) / Y_i} (lower is better);
 *   <li>increase in confidence {@code = 100 / N sum_i [O_i > Y_i]} (higher is better).
 * </ul>
 *
 * An image with {@code Y_i = 0} (a probability that underflowed) cannot drop and counts 0.
 */
public final class ConfidenceChange {
  private ConfidenceChange() {}

  /**
   * The probabilities before and after, per image.
   *
   * @param original {@code Y_i}
   * @param explained {@code O_i}
   */
  public record Result(double[] original, double[] explained) {
    public Result {
      if (original.length != explained.length) {
        throw new IllegalArgumentException(original.length + " original but " + explained.length
            + " explained probabilities");
      }
      original = original.clone();
      explained = explained.clone();
    }

    @Override
    public double[] original() {
      return original.clone();
    }

    @Override
    public double[] explained() {
      return explained.clone();
    }

    /** Per image, {@code 100 max(0, Y - O) / Y}. */
    public double[] drops() {
      double[] d = new double[original.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = original[i] > 0 ? 100 * Math.max(0, original[i] - explained[i]) / original[i] : 0;
      }
      return d;
    }

    /** Per image, 100 when {@code O > Y}, else 0 (so the mean is a percentage). */
    public double[] increases() {
      double[] d = new double[original.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = explained[i] > original[i] ? 100 : 0;
      }
      return d;
    }

    /** The average drop in percent. */
    public double averageDrop() {
      return Stats.mean(drops());
    }

    /** The increase in confidence: the percentage of images with {@code O > Y}. */
    public double increaseInConfidence() {
      return Stats.mean(increases());
    }
  }

  /**
   * Runs the model on the images and on their explanation maps.
   *
   * @param model the classifier, in eval mode
   * @param images {@code [N, C, H, W]} in the model's input space and dtype
   * @param maps {@code [N, H, W]} display maps in [0, 1]
   * @param classes the explained class of each image
   * @param batchSize the most images per forward pass
   */
  public static Result evaluate(
      Module model, Tensor images, Tensor maps, int[] classes, int batchSize) {
    if (images.rank() != 4 || maps.rank() != 3 || maps.dim(0) != images.dim(0)
        || maps.dim(1) != images.dim(2) || maps.dim(2) != images.dim(3)) {
      throw new IllegalArgumentException("confidence change: images [N, C, H, W] and maps"
          + " [N, H, W] must agree, got " + images.shape() + " and " + maps.shape());
    }
    Tensor explanation = images.mul(maps.to(images.dtype()).unsqueeze(1));
    return new Result(
        ClassProbabilities.batched(model, images, classes, batchSize),
        ClassProbabilities.batched(model, explanation, classes, batchSize));
  }
}
