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
 * remainder out). Requires {@code 1 <= stride <= window <= min(H, W)}. Defaults: a window side
 * of {@code min(H, W) / 8} pixels (at least 1) and a stride of half of it (at least 1), so 8
 * pixels and stride 4 at 64x64 and 28 pixels and stride 14 at 224x224: a 15 x 15 grid of
 * windows at any input size, where a fixed 8-pixel window would cost 3025 forward passes at
 * 224x224; baseline 0 (the dataset mean in normalised input space); the occluded inputs run
 * {@code batchSize} per pass.
 *
 * <p>The display map is {@link Display#ofMap} with ReLU: the pixels whose occlusion lowers the
 * score (windows that raise it give negative raw values).
 */
public final class Occlusion implements SaliencyMethod {
  /** The CLI id. */
  public static final String ID = "occlusion";
  /** The default window side is the input's shorter side divided by this. */
  public static final int DEFAULT_WINDOWS_PER_SIDE = 8;

  private final int window; // 0: the default for the input size
  private final int stride;
  private final double baseline;
  private final int batchSize;

  /**
   * A window of 1/8 of the shorter side, half of it as stride, baseline 0, batches of up to 32
   * (see {@link ForwardBatches#AUTOMATIC}).
   */
  public Occlusion() {
    this.window = 0;
    this.stride = 0;
    this.baseline = 0;
    this.batchSize = ForwardBatches.AUTOMATIC;
  }

  /** Windows of {@code window} pixels every {@code stride} pixels, filled with baseline. */
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
    int side = window > 0 ? window
        : Math.max(1, Math.min(height, width) / DEFAULT_WINDOWS_PER_SIDE);
    int step = stride > 0 ? stride : Math.max(1, side / 2);
    if (side > Math.min(height, width)) {
      throw new IllegalArgumentException(ID + ": the window " + side + " exceeds the input "
          + height + "x" + width);
    }
    LayerForward clean = ForwardBatches.clean(r, null);
    int[] classes = clean.classes();
    double[] s = clean.scores().value().toDoubleArray();
    int[] rows = corners(height, side, step);
    int[] cols = corners(width, side, step);
    int windows = rows.length * cols.length;

    // Job j occludes image j / windows with window j % windows (row-major over the corners).
    int jobs = n * windows;
    Tensor logits = ForwardBatches.logits(r.model(), jobs, batchSize, x,
        (from, to) -> occludedInputs(x, side, rows, cols, from, to));
    int[] jobClasses = new int[jobs];
    for (int j = 0; j < jobs; j++) {
      jobClasses[j] = classes[j / windows];
    }
    double[] occluded = ForwardBatches.scores(logits, jobClasses, r.score());

    int size = height * width;
    double[] raw = new double[n * size];
    int[] cover = new int[size];
    for (int wi = 0; wi < windows; wi++) {
      forEachPixel(rows[wi / cols.length], cols[wi % cols.length], side, width,
          p -> cover[p]++);
    }
    for (int j = 0; j < jobs; j++) {
      int i = j / windows;
      int wi = j % windows;
      double drop = s[i] - occluded[j];
      forEachPixel(rows[wi / cols.length], cols[wi % cols.length], side, width,
          p -> raw[i * size + p] += drop / cover[p]);
    }
    Tensor rawMap = Tensor.of(raw, n, height, width).to(x.dtype());
    Tensor display = Display.ofMap(rawMap, true, height, width);
    return new SaliencyMap(ID, rawMap, display, classes, null, Map.of(
        "windows", windows + " windows of " + side + "x" + side + ", stride " + step
            + ", baseline " + baseline,
        "forward passes", Integer.toString(jobs)));
  }

  /** The window corners along an axis of {@code size} pixels. */
  private static int[] corners(int size, int side, int step) {
    int last = size - side;
    int count = last / step + 1;
    boolean remainder = last % step != 0;
    int[] corners = new int[count + (remainder ? 1 : 0)];
    for (int c = 0; c < count; c++) {
      corners[c] = c * step;
    }
    if (remainder) {
      corners[count] = last;
    }
    return corners;
  }

  /** Runs {@code action} on the flat index of every pixel of the window at (top, left). */
  private static void forEachPixel(int top, int left, int side, int width,
      IntConsumer action) {
    for (int y = top; y < top + side; y++) {
      for (int col = left; col < left + side; col++) {
        action.accept(y * width + col);
      }
    }
  }

  /** The inputs of jobs {@code from..to-1}, each with its window set to the baseline. */
  private Tensor occludedInputs(Tensor x, int side, int[] rows, int[] cols, int from,
      int to) {
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
        forEachPixel(rows[wi / cols.length], cols[wi % cols.length], side, width,
            p -> out[plane + p] = baseline);
      }
    }
    return Tensor.of(out, to - from, channels, x.dim(2), width).to(x.dtype());
  }
}
