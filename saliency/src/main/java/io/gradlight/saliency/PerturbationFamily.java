package io.gradlight.saliency;

import io.gradlight.saliency.perturbation.AblationCam;
import io.gradlight.saliency.perturbation.EigenCam;
import io.gradlight.saliency.perturbation.FasterScoreCam;
import io.gradlight.saliency.perturbation.Occlusion;
import io.gradlight.saliency.perturbation.Rise;
import io.gradlight.saliency.perturbation.ScoreCam;
import java.util.List;
import java.util.function.Supplier;

/**
 * The registered methods of the perturbation family: methods that only run the model forward on
 * masked or perturbed inputs or activations (package {@code io.gradlight.saliency.perturbation}).
 * Score-CAM, Faster Score-CAM, Ablation-CAM and Eigen-CAM weight a layer's activation maps, so
 * they are CAM-family methods by nature; they are listed here because they need no gradient.
 * The CAM-style ones come first (after the CAM family's list), then RISE and occlusion, which
 * explain the input pixels directly.
 */
final class PerturbationFamily {
  private PerturbationFamily() {}

  /** The finished methods, in the order the CLI lists them. */
  static final List<Supplier<SaliencyMethod>> METHODS = List.of(
      ScoreCam::new,
      FasterScoreCam::new,
      AblationCam::new,
      EigenCam::new,
      Rise::new,
      Occlusion::new);
}
