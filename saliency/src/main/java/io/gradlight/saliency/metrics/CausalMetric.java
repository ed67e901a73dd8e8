package io.gradlight.saliency.metrics;

import io.gradlight.nn.Module;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.IntConsumer;

/**
 * The deletion and insertion metrics of RISE (Petsiuk, Das and Saenko, BMVC 2018, section 4.1),
 * computed as the authors' {@code evaluation.py} (eclique/RISE, {@code CausalMetric}) does:
 *
 * <ol>
 *   <li>the pixels are ranked by the saliency map, most salient first ({@code
 *       flip(argsort(map))}); ties, which numpy's unstable sort leaves in no defined order, go in
 *       row-major order here;
 *   <li>the image starts at {@code start} and moves to {@code finish} {@code k} pixels per step
 *       (all channels of a pixel at once): after step {@code s} the first {@code min(s k, H W)}
 *       ranked pixels hold the finish values, for {@code s = 0 .. n} with {@code n = ceil(H W /
 *       k)}, so there are {@code n + 1} points;
 *   <li><b>deletion</b>: start = the image, finish = zeros: the zero of the model's normalised
 *       input space, which is the data set's mean colour for ImageNet normalisation (the reference
 *       uses {@code torch.zeros_like} on normalised tensors) and black for the unit-range
 *       {@code shapesnet} input;
 *   <li><b>insertion</b>: start = the image blurred as the reference blurs it, a Gaussian of kernel
 *       {@value #BLUR_KERNEL} and sigma {@value #BLUR_SIGMA} (scipy's {@code gaussian_filter} of an
 *       11 x 11 delta, applied per channel with zero padding, in normalised space: {@link
 *       RiseBlur}), finish = the image;
 *   <li>at each point the score is the softmax probability of the explained class (the reference
 *       explains and scores the top-1 class of the clean image);
 *   <li>the area is the trapezoid rule on [0, 1], {@link #auc}.
 * </ol>
 *
 * Deletion: lower is better (the class vanishes fast when the most salient pixels go first);
 * insertion: higher is better.
 *
 * <p>One difference from the reference: it hard-codes 224 x 224 images and 224 pixels per step;
 * here the step is an option whose default scales with the image, {@link #defaultPixelsPerStep} =
 * {@code H} pixels (so {@code n = W} steps).
 *
 * <p>Forward passes are batched: every (image, point) pair of the batch goes through the model in
 * chunks of {@code batchSize}, with no graph.
 */
public final class CausalMetric {
  /** Deletion (to zeros) or insertion (from the blurred image). */
  public enum Mode {
    DELETION,
    INSERTION
  }

  /** The insertion substrate's Gaussian kernel size, as the reference's {@code klen}. */
  public static final int BLUR_KERNEL = RiseBlur.KERNEL;

  /** The insertion substrate's Gaussian sigma, as the reference's {@code nsig}. */
  public static final double BLUR_SIGMA = RiseBlur.SIGMA;

  private final Mode mode;
  private final int pixelsPerStep;
  private final int batchSize;

  /**
   * A deletion or insertion metric changing {@code pixelsPerStep} pixels per step and running at
   * most {@code batchSize} images per forward pass.
   */
  public CausalMetric(Mode mode, int pixelsPerStep, int batchSize) {
    if (mode == null) {
      throw new IllegalArgumentException("causal metric: the mode is required");
    }
    if (pixelsPerStep < 1) {
      throw new IllegalArgumentException(
          "causal metric: pixels per step must be at least 1, got " + pixelsPerStep);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "causal metric: the batch size must be at least 1, got " + batchSize);
    }
    this.mode = mode;
    this.pixelsPerStep = pixelsPerStep;
    this.batchSize = batchSize;
  }

  /** The reference's 224 pixels per step at 224 x 224, scaled: {@code height} pixels. */
  public static int defaultPixelsPerStep(int height, int width) {
    return height;
  }

  /** The number of steps for {@code height x width} images: {@code ceil(H W / k)}. */
  public int steps(int height, int width) {
    long hw = (long) height * width;
    return (int) ((hw + pixelsPerStep - 1) / pixelsPerStep);
  }

  /**
   * The normalised area under a curve sampled at {@code 0, 1/n, ..., 1}, by the trapezoid rule:
   * {@code (sum(a) - a[0]/2 - a[n]/2) / n}, the reference's {@code auc}.
   */
  public static double auc(double[] curve) {
    if (curve.length < 2) {
      throw new IllegalArgumentException("auc: a curve needs at least 2 points, got "
          + curve.length);
    }
    double sum = 0;
    for (double v : curve) {
      sum += v;
    }
    return (sum - curve[0] / 2 - curve[curve.length - 1] / 2) / (curve.length - 1);
  }

  /**
   * Runs the metric.
   *
   * @param model the classifier, in eval mode
   * @param images {@code [N, C, H, W]} in the model's input space and dtype
   * @param maps {@code [N, H, W]} saliency maps ranking the pixels (display maps)
   * @param classes the explained class of each image
   * @param progress called with the number of images just scored, after each forward pass
   */
  public CausalCurves evaluate(
      Module model, Tensor images, Tensor maps, int[] classes, IntConsumer progress) {
    checkShapes(images, maps, classes);
    int n = images.dim(0);
    int channels = images.dim(1);
    int hw = images.dim(2) * images.dim(3);
    int steps = steps(images.dim(2), images.dim(3));
    Tensor substrate = mode == Mode.DELETION
        ? images.zerosLike()
        : RiseBlur.apply(images);
    double[] start = (mode == Mode.DELETION ? images : substrate).toDoubleArray();
    double[] finish = (mode == Mode.DELETION ? substrate : images).toDoubleArray();
    int[][] order = new int[n][];
    for (int i = 0; i < n; i++) {
      order[i] = ranking(maps, i);
    }

    int imageSize = channels * hw;
    double[][] curves = new double[n][steps + 1];
    long pairs = (long) n * (steps + 1);
    for (long first = 0; first < pairs; first += batchSize) {
      int count = (int) Math.min(batchSize, pairs - first);
      double[] batch = new double[count * imageSize];
      int[] batchClasses = new int[count];
      for (int b = 0; b < count; b++) {
        int i = (int) ((first + b) / (steps + 1));
        int s = (int) ((first + b) % (steps + 1));
        int base = i * imageSize;
        System.arraycopy(start, base, batch, b * imageSize, imageSize);
        int changed = (int) Math.min((long) s * pixelsPerStep, hw);
        for (int k = 0; k < changed; k++) {
          int p = order[i][k];
          for (int c = 0; c < channels; c++) {
            batch[b * imageSize + c * hw + p] = finish[base + c * hw + p];
          }
        }
        batchClasses[b] = classes[i];
      }
      Shape shape = Shape.of(count, channels, images.dim(2), images.dim(3));
      Tensor input = Tensor.wrap(batch, shape).to(images.dtype());
      double[] p = ClassProbabilities.of(model, input, batchClasses);
      for (int b = 0; b < count; b++) {
        curves[(int) ((first + b) / (steps + 1))][(int) ((first + b) % (steps + 1))] = p[b];
      }
      progress.accept(count);
    }
    double[] areas = new double[n];
    for (int i = 0; i < n; i++) {
      areas[i] = auc(curves[i]);
    }
    return new CausalCurves(mode, pixelsPerStep, curves, areas);
  }

  /** The flat pixel indices of map {@code i}, most salient first, ties in row-major order. */
  static int[] ranking(Tensor maps, int i) {
    double[] m = maps.slice(0, i, i + 1).toDoubleArray();
    Integer[] order = new Integer[m.length];
    for (int p = 0; p < m.length; p++) {
      if (Double.isNaN(m[p])) {
        throw new IllegalArgumentException("saliency map " + i + " has a NaN at pixel " + p);
      }
      order[p] = p;
    }
    // Arrays.sort on objects is stable, so equal values keep their row-major order.
    Arrays.sort(order, Comparator.comparingDouble((Integer p) -> m[p]).reversed());
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  private static void checkShapes(Tensor images, Tensor maps, int[] classes) {
    if (images.rank() != 4) {
      throw new IllegalArgumentException("causal metric: images must be [N, C, H, W], got "
          + images.shape());
    }
    if (maps.rank() != 3 || maps.dim(0) != images.dim(0) || maps.dim(1) != images.dim(2)
        || maps.dim(2) != images.dim(3)) {
      throw new IllegalArgumentException("causal metric: maps must be [N, H, W] = ["
          + images.dim(0) + ", " + images.dim(2) + ", " + images.dim(3) + "], got "
          + maps.shape());
    }
    if (classes.length != images.dim(0)) {
      throw new IllegalArgumentException("causal metric: " + classes.length + " classes for "
          + images.dim(0) + " images; give one per image");
    }
  }
}
