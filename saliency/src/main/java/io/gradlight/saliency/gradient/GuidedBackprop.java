package io.gradlight.saliency.gradient;

import io.gradlight.autograd.ReluRule;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import java.util.Map;

/**
 * Guided Backpropagation (Springenberg, Dosovitskiy, Brox and Riedmiller 2015, "Striving for
 * Simplicity", section 3.4, fig. 1): the backward pass of {@code dS_c/dx} with every ReLU's
 * rule replaced by {@code gx = gy [x > 0] [gy > 0]} ({@link ReluRule#GUIDED}): a gradient only
 * flows where the forward activation was positive (backprop) and where the signal coming back is
 * positive (deconvnet). Every other layer (conv, pooling switches, batch norm, linear) keeps its
 * true derivative.
 *
 * <ul>
 *   <li>raw: the guided signal at the input, {@code [N, C, H, W]} (signed: the first layer's
 *       linear backward mixes signs);
 *   <li>display: {@code max_c |.|} over channels, then per-image min-max
 *       ({@link io.gradlight.saliency.Display#ofInputGradient}); pytorch-grad-cam instead shows
 *       the signed [C, H, W] image with its {@code deprocess_image}.
 * </ul>
 *
 * The rule is switched for the ReLUs of every image of the batch at once, so batches work
 * (pytorch-grad-cam's {@code GuidedBackpropReLUModel} explains only image 0, its issues #400 and
 * #530); ReLUs written as functions and reused ReLU modules are covered too, because the switch
 * is in the engine's ReLU op, not in module hooks (captum's #578 and #1082).
 */
public final class GuidedBackprop implements SaliencyMethod {
  /** The CLI id. */
  public static final String ID = "guided-backprop";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String paper() {
    return "Springenberg, Dosovitskiy, Brox and Riedmiller, Striving for Simplicity: The All"
        + " Convolutional Net, ICLR workshop 2015";
  }

  @Override
  public boolean usesLayer() {
    return false;
  }

  @Override
  public SaliencyMap explain(ExplainRequest request) {
    InputGradients.Gradient g = InputGradients.of(request, request.input(), ReluRule.GUIDED);
    return InputGradients.map(ID, g.value(), g.classes(), Map.of());
  }
}
