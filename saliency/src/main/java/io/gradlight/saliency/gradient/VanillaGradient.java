package io.gradlight.saliency.gradient;

import io.gradlight.autograd.ReluRule;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import java.util.Map;

/**
 * The vanilla gradient, or image-specific class saliency (Simonyan, Vedaldi and Zisserman 2014,
 * section 3.1, eq. 2 and 3): {@code w = dS_c/dx} at the image, the first-order Taylor weights of
 * the class score around it.
 *
 * <ul>
 *   <li>raw: the signed gradient {@code dS_c/dx}, {@code [N, C, H, W]};
 *   <li>display: {@code max_c |dS_c/dx|} over the colour channels (the paper's eq. 3), then
 *       per-image min-max ({@link io.gradlight.saliency.Display#ofInputGradient}).
 * </ul>
 *
 * One forward and one backward for the whole batch. The score is the request's (the paper uses
 * the raw class score, gradlight's default logit).
 */
public final class VanillaGradient implements SaliencyMethod {
  /** The CLI id. */
  public static final String ID = "gradient";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String paper() {
    return "Simonyan, Vedaldi and Zisserman, Deep Inside Convolutional Networks, ICLR workshop"
        + " 2014";
  }

  @Override
  public boolean usesLayer() {
    return false;
  }

  @Override
  public SaliencyMap explain(ExplainRequest request) {
    InputGradients.Gradient g = InputGradients.of(request, request.input(), ReluRule.STANDARD);
    return InputGradients.map(ID, g.value(), g.classes(), Map.of());
  }
}
