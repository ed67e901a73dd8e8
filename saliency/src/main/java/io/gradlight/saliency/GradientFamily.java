package io.gradlight.saliency;

import java.util.List;
import java.util.function.Supplier;

/** The registered methods of the input-gradient family: gradient, gradient x input, Integrated Gradients, SmoothGrad, Guided Backprop, DeconvNet. */
final class GradientFamily {
  private GradientFamily() {}

  /** The finished methods, in the order the CLI lists them. */
  static final List<Supplier<SaliencyMethod>> METHODS = List.of();
}
