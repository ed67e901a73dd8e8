package io.gradlight.saliency.perturbation;

import io.gradlight.saliency.Display;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.LayerForward;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.tensor.Tensor;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Occlusion (Zeiler and Fergus, Visualizing and Understanding Convolutional Networks, ECCV 2014,
 * section 4.2): a square window filled with a baseline value in every channel slides over the
 * image; a pixel's saliency is the mean drop of the score over the windows that cover it:
 *
 * <pre>
 *   S     = score(f(x))                    the request's score (the logit by default)
 *   S_W   = score(f(x with window W := b))
 *   raw_p = mean over windows W containing p of (S - S_W)        [H, W], signed
 * </pre>
 *
 * Window corners along each axis: {@code 0, stride, 2 stride, ...} up to {@code size - window},
 * plus {@code size - window} itself when the stride steps over it, so every pixel is covered
 * (captum's {@code Occlusion}, which averages the same way, stops before and leaves such a
 * remainder out). Requires {@code 1 <= stride <= window <= min(H, W)}. Defaults: an
 * {@value #DEFAULT_WINDOW}-pixel window, stride {@value #DEFAULT_STRIDE}, baseline 0 (the dataset
 * mean in normalised input space); the occluded inputs run {@code batchSize} per pass.
 *
 * <p>The display map is {@link Display#ofMap} with ReLU: the pixels whose occlusion lowers the
 * score (windows that raise it give negative raw values).
 */
public final class Occlusion implements SaliencyMethod {
  /** The CLI id. */
  public static final String ID = "occlusion";
  /** The window side in pixels by default. */
  public static final int DEFAULT_WINDOW = 8;
  /** The stride in pixels by default. */
  public static final int DEFAULT_STRIDE = 4;

  private final int window;
  private final int stride;
  private final double baseline;
  private final int batchSize;

  /** An 8-pixel window, stride 4, baseline 0, batches of 32. */
  public Occlusion() {
    this(DEFAULT_WINDOW, DEFAULT_STRIDE, 0.0, ForwardBatches.DEFAULT_BATCH_SIZE);
  }

  public Occlusion(int window, int stride, double baseline, int batchSize) {
    if (window < 1 || stride < 1 || stride > window) {
      throw new IllegalArgumentException(ID + ": expected 1 <= stride <= window, got window "
          + window + " and stride " + stride);
    }
    if (!Double.isFinite(baseline)) {
      throw new IllegalArgumentException(ID + ": the baseline must be finite, got " + baseline);
    }
    this.window = window;
    this.stride = stride;
    this.baseline = baseline;
    this.batchSize = ForwardBatches.checkBatchSize(ID, batchSize);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String paper() {
    return "Zeiler and Fergus, Visualizing and Understanding Convolutional Networks, ECCV 2014";
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
    if (window > Math.min(height, width)) {
      throw new IllegalArgumentException(ID + ": the window " + window + " exceeds the input "
          + height + "x" + width);
    }
    LayerForward clean = ForwardBatches.clean(r, null);
    int[] classes = clean.classes();
    double[] s = clean.scores().value().toDoubleArray();
    int[] rows = corners(height);
    int[] cols = corners(width);
    int windows = rows.length * cols.length;

    // Job j occludes image j / windows with window j % windows (row-major over the corners).
    int jobs = n * windows;
    Tensor logits = ForwardBatches.logits(r.model(), jobs, batchSize,
        (from, to) -> occludedInputs(x, rows, cols, from, to));
    int[] jobClasses = new int[jobs];
    for (int j = 0; j < jobs; j++) {
      jobClasses[j] = classes[j / windows];
    }
    double[] occluded = ForwardBatches.scores(logits, jobClasses, r.score());

    int size = height * width;
    double[] raw = new double[n * size];
    int[] cover = new int[size];
    for (int wi = 0; wi < windows; wi++) {
      forEachPixel(rows[wi / cols.length], cols[wi % cols.length], width, p -> cover[p]++);
    }
    for (int j = 0; j < jobs; j++) {
      int i = j / windows;
      int wi = j % windows;
      double drop = s[i] - occluded[j];
      forEachPixel(rows[wi / cols.length], cols[wi % cols.length], width,
          p -> raw[i * size + p] += drop / cover[p]);
    }
    Tensor rawMap = Tensor.of(raw, n, height, width).to(x.dtype());
    Tensor display = Display.ofMap(rawMap, true, height, width);
    return new SaliencyMap(ID, rawMap, display, classes, null, Map.of(
        "windows", windows + " windows of " + window + "x" + window + ", stride " + stride
            + ", baseline " + baseline,
        "forward passes", Integer.toString(jobs)));
  }

  /** The window corners along an axis of {@code size} pixels. */
  private int[] corners(int size) {
    int last = size - window;
    int count = last / stride + 1;
    boolean remainder = last % stride != 0;
    int[] corners = new int[count + (remainder ? 1 : 0)];
    for (int c = 0; c < count; c++) {
      corners[c] = c * stride;
    }
    if (remainder) {
      corners[count] = last;
    }
    return corners;
  }

  /** Runs {@code action} on the flat index of every pixel of the window at (top, left). */
  private void forEachPixel(int top, int left, int width, IntConsumer action) {
    for (int y = top; y < top + window; y++) {
      for (int col = left; col < left + window; col++) {
        action.accept(y * width + col);
      }
    }
  }

  /** The inputs of jobs {@code from..to-1}, each with its window set to the baseline. */
  private Tensor occludedInputs(Tensor x, int[] rows, int[] cols, int from, int to) {
    int windows = rows.length * cols.length;
    int channels = x.dim(1);
    int width = x.dim(3);
    int size = x.dim(2) * width;
    double[] xv = x.toDoubleArray();
    double[] out = new double[(to - from) * channels * size];
    for (int j = from; j < to; j++) {
      int image = j / windows;
      int wi = j % windows;
      int dst = (j - from) * channels * size;
      System.arraycopy(xv, image * channels * size, out, dst, channels * size);
      for (int c = 0; c < channels; c++) {
        int plane = dst + c * size;
        forEachPixel(rows[wi / cols.length], cols[wi % cols.length], width,
            p -> out[plane + p] = baseline);
      }
    }
    return Tensor.of(out, to - from, channels, x.dim(2), width).to(x.dtype());
  }
}
