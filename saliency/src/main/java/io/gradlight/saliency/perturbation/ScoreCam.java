package io.gradlight.saliency.perturbation;

import io.gradlight.saliency.Display;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.LayerForward;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.tensor.Resize;
import io.gradlight.tensor.Tensor;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Score-CAM (Wang et al., Score-CAM: Score-Weighted Visual Explanations for Convolutional Neural
 * Networks, CVPR Workshops 2020): each activation map of the target layer is weighted by the
 * class score of the input masked with that map. It is a CAM-family method by nature, listed
 * with the perturbation methods because it needs only forward passes (no gradient).
 *
 * <p>Per image {@code x} with class {@code c} and target-layer activations {@code A_k}
 * ({@code k = 1..K}, each {@code h x w}):
 *
 * <pre>
 *   U_k = bilinear(A_k) to H x W                  half-pixel centres (align_corners = false)
 *   M_k = (U_k - min U_k) / (max U_k - min U_k)   M_k = 0 for a constant channel
 *   s_k = f(x * M_k)                              logits of the masked input (batched passes)
 *   PROBABILITY:      w_k = softmax(s_k)[c]       the class probability (the default)
 *   CHANNEL_SOFTMAX:  w_k = softmax_j(s_j[c])_k   softmax over the channels of the class logits
 *   raw = sum_k w_k A_k                           [h, w], at the target layer's resolution
 * </pre>
 *
 * The display map is {@link Display#ofMap} with ReLU. The raw map at layer resolution is the
 * same explanation as the official code's {@code sum_k w_k U_k}: upsampling is linear, so
 * upsampling {@code raw} gives exactly that sum.
 *
 * <p>Where libraries disagree (saliency_anchors b.8.2): the paper's class probability is what the
 * authors' code, tf-keras-vis and WekaDL4J use; pytorch-grad-cam takes the softmax over channels
 * of the raw logits ({@link Weighting#CHANNEL_SOFTMAX}), and torch-cam the softmax over channels
 * of {@code s_k[c] - f(x)[c]}, which is the same. pytorch-grad-cam upsamples with
 * {@code align_corners=True} ({@code nn.UpsamplingBilinear2d}); gradlight uses half-pixel
 * centres like torch-cam and captum, and normalises after upsampling (torch-cam normalises at
 * layer resolution first). Neither weighting uses the request's score function: the method
 * defines its own; the map's notes say which.
 *
 * <p>Constant channels: every constant channel gives the same masked input {@code x * 0 = 0}
 * (for every image of the batch), so one forward pass of the zero input scores them all; the
 * notes say how many channels were skipped this way ({@code skipped: N constant channels}).
 * Constancy is decided on {@code A_k} itself: bilinear weights sum to 1, so a constant plane
 * upsamples to a constant one, which rounding could hide if checked after upsampling.
 *
 * <p>With {@code topChannels > 0} this is Faster Score-CAM ({@link FasterScoreCam}): only the
 * {@code topChannels} channels with the largest spatial standard deviation are scored, the
 * others get weight 0 (and the channel softmax runs over the scored channels only).
 */
public final class ScoreCam implements SaliencyMethod {
  /** The CLI id. */
  public static final String ID = "scorecam";

  /** How the scores of the masked inputs become channel weights. */
  public enum Weighting {
    /** {@code w_k = softmax(f(x * M_k))[c]}: the paper's class probability. */
    PROBABILITY("prob"),
    /** {@code w = softmax over k of f(x * M_k)[c]}: pytorch-grad-cam's. */
    CHANNEL_SOFTMAX("channel-softmax");

    private final String id;

    Weighting(String id) {
      this.id = id;
    }

    /** The option's name, e.g. {@code channel-softmax}. */
    public String id() {
      return id;
    }
  }

  private final String id;
  private final Weighting weighting;
  private final int batchSize;
  private final int topChannels;

  /**
   * The paper's method: class-probability weights, batches of up to 32 masked inputs (8 at
   * 224 x 224; see {@link ForwardBatches#AUTOMATIC}).
   */
  public ScoreCam() {
    this(Weighting.PROBABILITY, ForwardBatches.AUTOMATIC);
  }

  /** Score-CAM with the given weighting and forward batch size (0: automatic, as by default). */
  public ScoreCam(Weighting weighting, int batchSize) {
    this(ID, weighting, batchSize, 0);
  }

  /** Scores only the {@code topChannels} most varied channels, or every channel for 0. */
  ScoreCam(String id, Weighting weighting, int batchSize, int topChannels) {
    if (weighting == null) {
      throw new IllegalArgumentException(id + ": the weighting is null; expected one of "
          + Arrays.toString(Weighting.values()));
    }
    if (topChannels < 0) {
      throw new IllegalArgumentException(id + ": the number of channels to score must be at"
          + " least 1 (or 0 for all), got " + topChannels);
    }
    this.id = id;
    this.weighting = weighting;
    this.batchSize = ForwardBatches.checkBatchSize(id, batchSize);
    this.topChannels = topChannels;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String paper() {
    return "Wang et al., Score-CAM: Score-Weighted Visual Explanations for Convolutional Neural"
        + " Networks, CVPR Workshops 2020";
  }

  @Override
  public boolean usesLayer() {
    return true;
  }

  @Override
  public SaliencyMap explain(ExplainRequest r) {
    String layer = r.layerOrDefault();
    LayerForward clean = ForwardBatches.clean(r, layer);
    Tensor a = clean.activation().value();
    int[] classes = clean.classes();
    int n = a.dim(0);
    int k = a.dim(1);
    int plane = a.dim(2) * a.dim(3);
    double[] av = a.toDoubleArray();

    // One masked input per scored non-constant channel, then (if needed) the zero input.
    int[] row = new int[n * k]; // the logits row scoring channel (i, k), or -1 if not scored
    boolean[] zeroInput = new boolean[n * k];
    int[] jobPlane = new int[n * k]; // the plane (i K + k) that masks each input
    int jobs = 0;
    int constant = 0;
    for (int i = 0; i < n; i++) {
      boolean[] scored = scoredChannels(av, i, k, plane);
      for (int c = 0; c < k; c++) {
        int p = i * k + c;
        row[p] = -1;
        if (scored[c] && ChannelMaps.allEqual(av, p * plane, plane, av[p * plane])) {
          zeroInput[p] = true;
          constant++;
        } else if (scored[c]) {
          row[p] = jobs;
          jobPlane[jobs++] = p;
        }
      }
    }
    int masked = jobs;
    for (int p = 0; p < n * k; p++) {
      row[p] = zeroInput[p] ? masked : row[p];
    }
    int passes = masked + (constant > 0 ? 1 : 0);
    Tensor logits = ForwardBatches.logits(r.model(), passes, batchSize, r.input(),
        (from, to) -> maskedInputs(r.input(), a, av, jobPlane, masked, from, to));

    double[] weights = weights(logits, row, classes, k);
    Tensor raw = ChannelMaps.combine(a, weights);
    Tensor display = Display.ofMap(raw, true, r.input().dim(2), r.input().dim(3));
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("weights", weighting.id() + (weighting == Weighting.PROBABILITY
        ? " (class probability of each masked input)" : " (softmax over channels of the logits)"));
    notes.put("skipped", constant + " constant channels");
    notes.put("forward passes", Integer.toString(passes));
    if (topChannels > 0) {
      notes.put("channels", "top " + Math.min(topChannels, k) + " of " + k
          + " per image by spatial standard deviation");
    }
    return new SaliencyMap(id, raw, display, classes, layer, notes);
  }

  /** Which channels of image i are scored: all, or the most varied {@code topChannels}. */
  private boolean[] scoredChannels(double[] av, int i, int k, int plane) {
    boolean[] scored = new boolean[k];
    if (topChannels == 0 || topChannels >= k) {
      Arrays.fill(scored, true);
      return scored;
    }
    double[] variance = new double[k];
    for (int c = 0; c < k; c++) {
      int off = (i * k + c) * plane;
      double mean = 0;
      for (int p = 0; p < plane; p++) {
        mean += av[off + p];
      }
      mean /= plane;
      for (int p = 0; p < plane; p++) {
        double d = av[off + p] - mean;
        variance[c] += d * d;
      }
    }
    // Largest spatial variance (so standard deviation) first; ties by channel index.
    IntStream.range(0, k).boxed()
        .sorted(Comparator.comparingDouble((Integer c) -> -variance[c]))
        .limit(topChannels)
        .forEach(c -> scored[c] = true);
    return scored;
  }

  /**
   * The masked inputs {@code x_i * M_k} of jobs {@code from..to-1}; a job index at or past
   * {@code jobs} is the zero input.
   */
  private static Tensor maskedInputs(Tensor x, Tensor a, double[] av, int[] jobPlane, int jobs,
      int from, int to) {
    int k = a.dim(1);
    int h = a.dim(2);
    int w = a.dim(3);
    int channels = x.dim(1);
    int height = x.dim(2);
    int width = x.dim(3);
    int image = channels * height * width;
    int masked = Math.max(0, Math.min(to, jobs) - from);
    double[] out = new double[(to - from) * image];
    if (masked > 0) {
      double[] planes = new double[masked * h * w];
      for (int j = 0; j < masked; j++) {
        System.arraycopy(av, jobPlane[from + j] * h * w, planes, j * h * w, h * w);
      }
      double[] up = Resize.bilinear(Tensor.of(planes, masked, 1, h, w), height, width, false)
          .toDoubleArray();
      double[] xv = x.toDoubleArray();
      int size = height * width;
      for (int j = 0; j < masked; j++) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int p = j * size; p < (j + 1) * size; p++) {
          lo = Math.min(lo, up[p]);
          hi = Math.max(hi, up[p]);
        }
        if (hi > lo) { // else M_k = 0 and the input stays zero
          int xOff = jobPlane[from + j] / k * image;
          for (int c = 0; c < channels; c++) {
            for (int p = 0; p < size; p++) {
              double m = (up[j * size + p] - lo) / (hi - lo);
              out[j * image + c * size + p] = xv[xOff + c * size + p] * m;
            }
          }
        }
      }
    }
    return Tensor.of(out, to - from, channels, height, width).to(x.dtype());
  }

  /** The channel weights {@code [N K]} from the logits of the masked inputs. */
  private double[] weights(Tensor logits, int[] row, int[] classes, int k) {
    int outputs = logits.dim(1);
    double[] score = switch (weighting) {
      case PROBABILITY -> logits.softmax(1).toDoubleArray();
      case CHANNEL_SOFTMAX -> logits.toDoubleArray();
    };
    double[] weights = new double[row.length];
    for (int i = 0; i < classes.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int p = i * k; p < (i + 1) * k; p++) {
        if (row[p] >= 0) {
          weights[p] = score[row[p] * outputs + classes[i]];
          max = Math.max(max, weights[p]);
        }
      }
      if (weighting == Weighting.CHANNEL_SOFTMAX) { // over the scored channels, max shifted out
        double sum = 0;
        for (int p = i * k; p < (i + 1) * k; p++) {
          weights[p] = row[p] >= 0 ? Math.exp(weights[p] - max) : 0;
          sum += weights[p];
        }
        for (int p = i * k; p < (i + 1) * k; p++) {
          weights[p] /= sum;
        }
      }
    }
    return weights;
  }
}
