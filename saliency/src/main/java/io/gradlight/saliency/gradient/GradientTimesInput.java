package io.gradlight.saliency.gradient;

import io.gradlight.autograd.ReluRule;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import java.util.Map;

/**
 * Gradient times input (Shrikumar, Greenside, Shcherbina and Kundaje 2016, "Not Just a Black
 * Box", section 2.2): {@code R = x * dS_c/dx}, element by element. For a model that is linear in
 * its input, {@code S = w.x + b}, the attributions sum to {@code S - b} (completeness with a zero
 * baseline); for a piecewise-linear ReLU network they equal DeepLIFT-Rescale's only locally.
 *
 * <ul>
 *   <li>raw: the signed product {@code x * dS_c/dx}, {@code [N, C, H, W]}, with {@code x} the
 *       model's input as given (after its preprocessing, e.g. ImageNet normalisation);
 *   <li>display: {@code max_c |x * dS_c/dx|} over channels, then per-image min-max
 *       ({@link io.gradlight.saliency.Display#ofInputGradient}); captum shows the same product
 *       with its own sign and percentile options.
 * </ul>
 */
public final class GradientTimesInput implements SaliencyMethod {
  /** The CLI id. */
  public static final String ID = "gradient-x-input";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String paper() {
    return "Shrikumar, Greenside, Shcherbina and Kundaje, Not Just a Black Box, arXiv:1605.01713,"
        + " 2016";
  }

  @Override
  public boolean usesLayer() {
    return false;
  }

  @Override
  public SaliencyMap explain(ExplainRequest request) {
    InputGradients.Gradient g = InputGradients.of(request, request.input(), ReluRule.STANDARD);
    return InputGradients.map(ID, request.input().mul(g.value()), g.classes(), Map.of());
  }
}
