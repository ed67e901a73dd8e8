package io.gradlight.saliency;

import java.util.List;
import java.util.function.Supplier;

/** The registered methods of the perturbation family: methods that only run the model forward on masked or perturbed inputs. */
final class PerturbationFamily {
  private PerturbationFamily() {}

  /** The finished methods, in the order the CLI lists them. */
  static final List<Supplier<SaliencyMethod>> METHODS = List.of();
}
