package io.gradlight.saliency.perturbation;

import io.gradlight.saliency.Display;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.saliency.Score;
import io.gradlight.tensor.Tensor;
import java.util.Map;

/**
 * RISE (Petsiuk, Das and Saenko, RISE: Randomized Input Sampling for Explanation of Black-box
 * Models, BMVC 2018): the saliency of a pixel is the expected class probability over random
 * masks that keep it. With {@code N} random masks {@code M_m} ({@link RiseMasks}: an
 * {@code s x s} grid kept with probability {@code p}, upsampled bilinearly and randomly shifted)
 * and {@code P_m = softmax(f(x * M_m))[c]}:
 *
 * <pre>
 *   raw = sum_m P_m M_m / (N p)        [H, W], the Monte-Carlo estimate of E[P | M(pixel) = 1]
 * </pre>
 *
 * The normalisation {@code 1 / (N p)} is the reference code's (eclique/RISE {@code RISE.forward};
 * TorchRay divides by {@code N}, xplique by the per-pixel mask sum: saliency_anchors b.6). The
 * score is the class probability, as in the reference code (the model wrapped with a softmax);
 * the request's score function is not used. Occluded pixels become 0, the dataset mean in
 * normalised input space.
 *
 * <p>Defaults: {@code N = }{@value #DEFAULT_MASKS}, {@code s = }{@value #DEFAULT_GRID},
 * {@code p = }{@value #DEFAULT_KEEP}: the grid and probability of xplique and TorchRay; N as in
 * the reference code's Keras example (the reference notebooks use 5000 to 6000 masks, xplique
 * 4000, TorchRay 8000), a compromise for CPU time: every mask costs one forward pass per image.
 * Masks are seeded by the request's seed: the same seed gives the same masks for any batch size
 * and the same map on any thread count. The display map is {@link Display#ofMap} without ReLU:
 * the raw map is a weighted mean of probabilities, never negative, so a ReLU would change nothing.
 */
public final class Rise implements SaliencyMethod {
  /** The CLI id. */
  public static final String ID = "rise";
  /** The number of masks by default. */
  public static final int DEFAULT_MASKS = 2000;
  /** The grid size {@code s} by default. */
  public static final int DEFAULT_GRID = 7;
  /** The probability of keeping a grid cell by default. */
  public static final double DEFAULT_KEEP = 0.5;

  private final int masks;
  private final int grid;
  private final double keep;
  private final int batchSize;

  /**
   * {@value #DEFAULT_MASKS} masks of a 7 x 7 grid kept with probability 0.5, batches of up to 32
   * (see {@link ForwardBatches#AUTOMATIC}).
   */
  public Rise() {
    this(DEFAULT_MASKS, DEFAULT_GRID, DEFAULT_KEEP, ForwardBatches.AUTOMATIC);
  }

  public Rise(int masks, int grid, double keep, int batchSize) {
    if (masks < 1) {
      throw new IllegalArgumentException(ID + ": the number of masks must be at least 1, got "
          + masks);
    }
    if (grid < 1) {
      throw new IllegalArgumentException(ID + ": the grid size must be at least 1, got " + grid);
    }
    if (!(keep > 0 && keep <= 1)) {
      throw new IllegalArgumentException(ID + ": the keep probability must be in (0, 1], got "
          + keep);
    }
    this.masks = masks;
    this.grid = grid;
    this.keep = keep;
    this.batchSize = ForwardBatches.checkBatchSize(ID, batchSize);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String paper() {
    return "Petsiuk, Das and Saenko, RISE: Randomized Input Sampling for Explanation of Black-box"
        + " Models, BMVC 2018";
  }

  @Override
  public boolean usesLayer() {
    return false;
  }

  @Override
  public SaliencyMap explain(ExplainRequest r) {
    Tensor x = r.input();
    int n = x.dim(0);
    int height = x.dim(2);
    int width = x.dim(3);
    if (grid > Math.min(height, width)) {
      throw new IllegalArgumentException(ID + ": the grid size " + grid + " exceeds the input "
          + height + "x" + width);
    }
    int[] classes = ForwardBatches.clean(r, null).classes();
    RiseMasks generator = new RiseMasks(masks, grid, keep, height, width, r.seed());

    // Job j masks image j % n with mask j / n, so a batch needs only a few consecutive masks.
    int jobs = masks * n;
    Tensor logits = ForwardBatches.logits(r.model(), jobs, batchSize, x,
        (from, to) -> maskedInputs(x, generator, from, to));
    int[] jobClasses = new int[jobs];
    for (int j = 0; j < jobs; j++) {
      jobClasses[j] = classes[j % n];
    }
    double[] probability = ForwardBatches.scores(logits, jobClasses, Score.PROBABILITY);

    int size = height * width;
    double[] raw = new double[n * size];
    int perPass = ForwardBatches.perPass(batchSize, x); // the masks of one pass at a time
    for (int from = 0; from < masks; from += perPass) {
      int to = Math.min(masks, from + perPass);
      double[] m = generator.masks(from, to);
      for (int mask = from; mask < to; mask++) {
        for (int i = 0; i < n; i++) {
          double weight = probability[mask * n + i] / (masks * keep);
          for (int p = 0; p < size; p++) {
            raw[i * size + p] += weight * m[(mask - from) * size + p];
          }
        }
      }
    }
    Tensor rawMap = Tensor.of(raw, n, height, width).to(x.dtype());
    Tensor display = Display.ofMap(rawMap, false, height, width);
    return new SaliencyMap(ID, rawMap, display, classes, null, Map.of(
        "score", "class probability (softmax), the method's own",
        "masks", masks + " masks of a " + grid + "x" + grid + " grid kept with probability "
            + keep + ", seed " + r.seed(),
        "forward passes", Integer.toString(jobs)));
  }

  /** {@code x_i * M_m} for jobs {@code from..to-1} (image {@code j % n}, mask {@code j / n}). */
  private static Tensor maskedInputs(Tensor x, RiseMasks generator, int from, int to) {
    int n = x.dim(0);
    int channels = x.dim(1);
    int size = x.dim(2) * x.dim(3);
    int firstMask = from / n;
    double[] m = generator.masks(firstMask, (to - 1) / n + 1);
    double[] xv = x.toDoubleArray();
    double[] out = new double[(to - from) * channels * size];
    for (int j = from; j < to; j++) {
      int image = j % n;
      int mask = j / n - firstMask;
      for (int c = 0; c < channels; c++) {
        int dst = ((j - from) * channels + c) * size;
        int src = (image * channels + c) * size;
        for (int p = 0; p < size; p++) {
          out[dst + p] = xv[src + p] * m[mask * size + p];
        }
      }
    }
    return Tensor.of(out, to - from, channels, x.dim(2), x.dim(3)).to(x.dtype());
  }
}
