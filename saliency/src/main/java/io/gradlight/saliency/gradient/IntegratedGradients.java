package io.gradlight.saliency.gradient;

import io.gradlight.autograd.ReluRule;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.tensor.Tensor;
import java.util.Locale;
import java.util.Map;

/**
 * Integrated Gradients (Sundararajan, Taly and Yan 2017, "Axiomatic Attribution for Deep
 * Networks", eq. 1 and its Riemann approximation eq. 3): the path integral of the gradient along
 * the straight line from a baseline {@code x'} to the input {@code x},
 *
 * <pre>
 *   IG(x) = (x - x') * integral_0^1 dS_c/dx (x' + a (x - x')) da
 *         ~ (x - x') * (1/m) sum_{k=1..m} dS_c/dx (x' + (k/m) (x - x'))     (right Riemann sum)
 * </pre>
 *
 * with {@code m} steps (default {@value #DEFAULT_STEPS}, captum's {@code n_steps}; the golden
 * fixture uses 16). Completeness: {@code sum IG(x) -> S_c(x) - S_c(x')} as {@code m} grows; the
 * map's note {@code completeness gap} gives {@code max_i |sum IG_i - (S(x_i) - S(x'_i))|}, the
 * paper's check (captum's convergence delta) for choosing {@code m}.
 *
 * <ul>
 *   <li>baseline: the zero tensor by default (black for inputs in [0, 1] such as shapesnet's;
 *       after ImageNet normalisation, the dataset's mean colour), or a given tensor broadcastable
 *       to the input ({@code [C, H, W]} or {@code [N, C, H, W]});
 *   <li>the class of each image is fixed on the input {@code x}, not re-chosen along the path;
 *   <li>batched: the steps are stacked into passes of up to {@value InputGradients#IMAGES_PER_PASS}
 *       images;
 *   <li>raw: the signed attributions {@code [N, C, H, W]}; display: {@code max_c |IG|} over
 *       channels, then per-image min-max ({@link io.gradlight.saliency.Display#ofInputGradient}).
 * </ul>
 */
public final class IntegratedGradients implements SaliencyMethod {
  /** The CLI id. */
  public static final String ID = "integrated-gradients";
  /** The default number of steps {@code m}. */
  public static final int DEFAULT_STEPS = 50;

  private final int steps;
  private final Tensor baseline; // null: zeros
  private final int imagesPerPass;

  /** {@value #DEFAULT_STEPS} steps from the zero baseline. */
  public IntegratedGradients() {
    this(DEFAULT_STEPS, null, InputGradients.IMAGES_PER_PASS);
  }

  /**
   * @param steps the number of points {@code m} of the Riemann sum, at least 1
   * @param baseline {@code x'}, broadcastable to the input, or null for zeros
   * @param imagesPerPass the most images stacked into one forward and backward pass, at least 1
   */
  public IntegratedGradients(int steps, Tensor baseline, int imagesPerPass) {
    this.steps = InputGradients.atLeastOne(ID, "steps", steps);
    this.baseline = baseline;
    this.imagesPerPass = InputGradients.atLeastOne(ID, "images per pass", imagesPerPass);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String paper() {
    return "Sundararajan, Taly and Yan, Axiomatic Attribution for Deep Networks, ICML 2017";
  }

  @Override
  public boolean usesLayer() {
    return false;
  }

  @Override
  public SaliencyMap explain(ExplainRequest request) {
    Tensor x = request.input();
    Tensor start = baselineFor(x);
    Tensor path = x.sub(start);
    Tensor logits = InputGradients.logits(request, x);
    int[] classes = request.targets().resolve(logits);
    Tensor[] total = {x.zerosLike()};
    InputGradients.forEachSample(request, classes, steps,
        k -> start.add(path.mul((k + 1.0) / steps)), imagesPerPass, ReluRule.STANDARD,
        (k, g) -> total[0] = total[0].add(g));
    Tensor raw = path.mul(total[0]).div(steps);

    double[] attributed = raw.sum(new int[] {1, 2, 3}, false).toDoubleArray();
    double[] atInput = InputGradients.scores(request, logits, classes).toDoubleArray();
    double[] atBaseline = InputGradients.scores(
        request, InputGradients.logits(request, start), classes).toDoubleArray();
    double gap = 0;
    for (int i = 0; i < attributed.length; i++) {
      gap = Math.max(gap, Math.abs(attributed[i] - (atInput[i] - atBaseline[i])));
    }
    return InputGradients.map(ID, raw, classes, Map.of(
        "steps", Integer.toString(steps),
        "baseline", baseline == null ? "zeros" : "given",
        "completeness gap", String.format(Locale.ROOT, "%.3g", gap)));
  }

  private Tensor baselineFor(Tensor x) {
    if (baseline == null) {
      return x.zerosLike();
    }
    try {
      return baseline.to(x.dtype()).broadcastTo(x.shape());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ID + ": the baseline " + baseline.shape()
          + " does not broadcast to the input " + x.shape(), e);
    }
  }
}
