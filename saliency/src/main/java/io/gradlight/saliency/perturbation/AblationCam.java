package io.gradlight.saliency.perturbation;

import io.gradlight.autograd.Variable;
import io.gradlight.saliency.Display;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.LayerForward;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ablation-CAM (Desai and Ramaswamy, Ablation-CAM: Visual Explanations for Deep Convolutional
 * Network via Gradient-free Localization, WACV 2020): each activation map of the target layer is
 * weighted by the relative drop of the class score when that map is removed. A CAM-family method
 * listed with the perturbation methods because it needs only forward passes.
 *
 * <p>Per image with class {@code c} and target-layer activations {@code A_k}:
 *
 * <pre>
 *   S   = score(f(x))                      the request's score (the logit by default)
 *   S_k = score(f(x) with A_k := v)        channel k of the layer output set to the fill v
 *   w_k = (S - S_k) / S                    (paper eq. 2)
 *   raw = sum_k w_k A_k                    [h, w], at the target layer's resolution
 * </pre>
 *
 * The display map is {@link Display#ofMap} with ReLU.
 *
 * <p>Fill value: {@link Fill#ZERO} (the paper's ablation, and the default);
 * {@link Fill#BELOW_MIN} is pytorch-grad-cam's {@code AblationLayer}: 0 when {@code min(A) = 0},
 * else {@code min(A) - 1e7} (the minimum over the image's activations), which removes a channel
 * even from layers whose activations can be negative.
 *
 * <p>Batching: the ablated layer outputs of {@code batchSize} channels run as one batch. A forward
 * hook on the target layer replaces the layer's output with the ablated copies of the image's
 * activations {@code A} (from the clean pass), so only the head after the layer sees them; the
 * layers before it run on the repeated input and their output is discarded (pytorch-grad-cam does
 * the same). A layer module that runs more than once per pass (torchvision's BasicBlock applies its
 * {@code relu} twice) is ablated at its last run, whose output is the {@code A} every layer method
 * reads. A channel already equal to the fill everywhere (a dead ReLU channel) is not run: its
 * ablation changes nothing, so {@code S_k = S} and {@code w_k = 0} exactly; the notes count them. A
 * score {@code S = 0} would make the weights infinite; the weights are then {@code S - S_k}, and
 * the notes say so.
 */
public final class AblationCam implements SaliencyMethod {
  /** The CLI id. */
  public static final String ID = "ablationcam";
  /** pytorch-grad-cam's offset below the minimum for {@link Fill#BELOW_MIN}. */
  public static final double BELOW_MIN_OFFSET = 1e7;

  /** The value an ablated channel is set to. */
  public enum Fill {
    /** 0 everywhere. */
    ZERO,
    /** 0 if the image's activations have minimum 0, else that minimum minus 1e7. */
    BELOW_MIN
  }

  private final Fill fill;
  private final int batchSize;

  /**
   * Ablation by zeros, batches of up to 32 ablated channels (8 at 224 x 224; see {@link
   * ForwardBatches#AUTOMATIC}).
   */
  public AblationCam() {
    this(Fill.ZERO, ForwardBatches.AUTOMATIC);
  }

  public AblationCam(Fill fill, int batchSize) {
    if (fill == null) {
      throw new IllegalArgumentException(ID + ": the fill is null; expected one of "
          + Arrays.toString(Fill.values()));
    }
    this.fill = fill;
    this.batchSize = ForwardBatches.checkBatchSize(ID, batchSize);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String paper() {
    return "Desai and Ramaswamy, Ablation-CAM: Visual Explanations for Deep Convolutional Network"
        + " via Gradient-free Localization, WACV 2020";
  }

  @Override
  public boolean usesLayer() {
    return true;
  }

  @Override
  public SaliencyMap explain(ExplainRequest r) {
    String layer = r.layerOrDefault();
    int[] runs = {0}; // how often the layer runs in one pass; A is its last output
    r.model().registerForwardHook(layer, (m, in, out) -> {
      runs[0]++;
      return out;
    });
    LayerForward clean = ForwardBatches.clean(r, layer);
    Tensor a = clean.activation().value();
    int[] classes = clean.classes();
    double[] s = clean.scores().value().toDoubleArray();
    int n = a.dim(0);
    int k = a.dim(1);
    int plane = a.dim(2) * a.dim(3);
    double[] av = a.toDoubleArray();

    double[] fills = new double[n];
    int[] jobPlane = new int[n * k]; // the plane (i K + k) each ablated output removes
    int jobs = 0;
    for (int i = 0; i < n; i++) {
      fills[i] = fillValue(av, i * k * plane, k * plane);
      for (int c = 0; c < k; c++) {
        int p = i * k + c;
        if (!ChannelMaps.allEqual(av, p * plane, plane, fills[i])) {
          jobPlane[jobs++] = p;
        }
      }
    }
    double[] ablatedScores =
        ablatedScores(r, layer, runs[0], a, av, fills, classes, jobPlane, jobs);

    double[] weights = new double[n * k];
    for (int j = 0; j < jobs; j++) {
      double si = s[jobPlane[j] / k];
      weights[jobPlane[j]] = si != 0 ? (si - ablatedScores[j]) / si : si - ablatedScores[j];
    }
    Tensor raw = ChannelMaps.combine(a, weights);
    Tensor display = Display.ofMap(raw, true, r.input().dim(2), r.input().dim(3));
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("fill", fill == Fill.ZERO ? "0" : "min(A) - 1e7, or 0 when min(A) = 0");
    notes.put("skipped", (n * k - jobs) + " channels already equal to the fill");
    notes.put("forward passes", Integer.toString(jobs));
    long zeroScores = Arrays.stream(s).filter(v -> v == 0).count();
    if (zeroScores > 0) {
      notes.put("zero score", zeroScores + " images: weights S - S_k, not divided by S = 0");
    }
    return new SaliencyMap(ID, raw, display, classes, layer, notes);
  }

  /**
   * The scores {@code S_k} of the first {@code jobs} ablations in {@code jobPlane}; the hook
   * replaces the layer's output at its last run of the pass (run number {@code runs}).
   */
  private double[] ablatedScores(ExplainRequest r, String layer, int runs, Tensor a, double[] av,
      double[] fills, int[] classes, int[] jobPlane, int jobs) {
    if (jobs == 0) {
      return new double[0];
    }
    int k = a.dim(1);
    Tensor logits = ForwardBatches.logits(r.model(), jobs, batchSize, r.input(), (from, to) -> {
      Tensor ablated = ablatedOutputs(a, av, fills, jobPlane, from, to);
      int[] seen = {0};
      r.model().registerForwardHook(layer,
          (m, in, out) -> ++seen[0] == runs ? Variable.constant(ablated) : out);
      return repeatedInputs(r.input(), jobPlane, k, from, to);
    });
    int[] jobClasses = new int[jobs];
    for (int j = 0; j < jobs; j++) {
      jobClasses[j] = classes[jobPlane[j] / k];
    }
    return ForwardBatches.scores(logits, jobClasses, r.score());
  }

  /** The fill of one image's activations {@code av[offset, offset + size)}. */
  private double fillValue(double[] av, int offset, int size) {
    if (fill == Fill.ZERO) {
      return 0;
    }
    double min = Double.POSITIVE_INFINITY;
    for (int p = offset; p < offset + size; p++) {
      min = Math.min(min, av[p]);
    }
    return min == 0 ? 0 : min - BELOW_MIN_OFFSET;
  }

  /** Copies of each job's image activations with the job's channel set to the fill. */
  private static Tensor ablatedOutputs(Tensor a, double[] av, double[] fills, int[] jobPlane,
      int from, int to) {
    int k = a.dim(1);
    int plane = a.dim(2) * a.dim(3);
    int image = k * plane;
    double[] out = new double[(to - from) * image];
    for (int j = from; j < to; j++) {
      int i = jobPlane[j] / k;
      int dst = (j - from) * image;
      System.arraycopy(av, i * image, out, dst, image);
      int channel = jobPlane[j] % k;
      Arrays.fill(out, dst + channel * plane, dst + (channel + 1) * plane, fills[i]);
    }
    return Tensor.of(out, to - from, k, a.dim(2), a.dim(3)).to(a.dtype());
  }

  /** The input image of each job, stacked. */
  private static Tensor repeatedInputs(Tensor x, int[] jobPlane, int k, int from, int to) {
    Tensor[] images = new Tensor[to - from];
    for (int j = from; j < to; j++) {
      int i = jobPlane[j] / k;
      images[j - from] = x.slice(0, i, i + 1);
    }
    return Tensor.concat(0, images);
  }
}
