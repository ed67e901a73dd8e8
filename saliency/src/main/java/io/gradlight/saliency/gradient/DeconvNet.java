package io.gradlight.saliency.gradient;

import io.gradlight.autograd.ReluRule;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import java.util.Map;

/**
 * DeconvNet visualisation (Zeiler and Fergus 2014, "Visualizing and Understanding Convolutional
 * Networks", section 2.1), as a backward pass: {@code dS_c/dx} with every ReLU's rule replaced by
 * {@code gx = gy [gy > 0]} ({@link ReluRule#DECONVNET}), the rectification applied to the signal
 * coming back, whatever the forward activation was. Max-pooling passes the signal to the
 * positions it chose in the forward pass (the paper's switches) and convolutions use their
 * transposed filters, which is what their true derivatives do. (The paper reconstructs from one
 * feature map; explaining a class score as here is captum's {@code Deconvolution} and TorchRay's
 * {@code deconvnet}.)
 *
 * <ul>
 *   <li>raw: the reconstruction at the input, {@code [N, C, H, W]}, signed;
 *   <li>display: {@code max_c |.|} over channels, then per-image min-max
 *       ({@link io.gradlight.saliency.Display#ofInputGradient}).
 * </ul>
 */
public final class DeconvNet implements SaliencyMethod {
  /** The CLI id. */
  public static final String ID = "deconvnet";

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
  public SaliencyMap explain(ExplainRequest request) {
    InputGradients.Gradient g = InputGradients.of(request, request.input(), ReluRule.DECONVNET);
    return InputGradients.map(ID, g.value(), g.classes(), Map.of());
  }
}
