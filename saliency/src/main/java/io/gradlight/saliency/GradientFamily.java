package io.gradlight.saliency;

import io.gradlight.saliency.gradient.DeconvNet;
import io.gradlight.saliency.gradient.GradientTimesInput;
import io.gradlight.saliency.gradient.GuidedBackprop;
import io.gradlight.saliency.gradient.IntegratedGradients;
import io.gradlight.saliency.gradient.SmoothGrad;
import io.gradlight.saliency.gradient.VanillaGradient;
import java.util.List;
import java.util.function.Supplier;

/**
 * The registered methods of the input-gradient family (package {@code
 * io.gradlight.saliency.gradient}): gradient, gradient x input, Integrated Gradients, SmoothGrad,
 * Guided Backprop, DeconvNet. Their raw maps are {@code [N, C, H, W]} at the input.
 */
final class GradientFamily {
  private GradientFamily() {}

  /** The finished methods, in the order the CLI lists them. */
  static final List<Supplier<SaliencyMethod>> METHODS = List.of(
      VanillaGradient::new,
      GradientTimesInput::new,
      IntegratedGradients::new,
      SmoothGrad::new,
      GuidedBackprop::new,
      DeconvNet::new);
}
