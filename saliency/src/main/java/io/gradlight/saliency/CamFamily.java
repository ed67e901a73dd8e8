package io.gradlight.saliency;

import io.gradlight.saliency.cam.Cam;
import io.gradlight.saliency.cam.CommonComponentCam;
import io.gradlight.saliency.cam.GradCam;
import io.gradlight.saliency.cam.GradCamPlusPlus;
import io.gradlight.saliency.cam.GradCamPlusPlusExact;
import io.gradlight.saliency.cam.GuidedGradCam;
import io.gradlight.saliency.cam.HiResCam;
import io.gradlight.saliency.cam.LayerCam;
import io.gradlight.saliency.cam.PyramidGradCam;
import io.gradlight.saliency.cam.SmoothGradCamPlusPlus;
import io.gradlight.saliency.cam.XGradCam;
import java.util.List;
import java.util.function.Supplier;

/**
 * The registered methods of the CAM family: methods that weight a layer's activation maps (in
 * {@code io.gradlight.saliency.cam}, one class per method with its paper's equation).
 */
final class CamFamily {
  private CamFamily() {}

  /** The finished methods, in the order the CLI lists them. */
  static final List<Supplier<SaliencyMethod>> METHODS = List.of(
      Cam::new,
      GradCam::new,
      HiResCam::new,
      XGradCam::new,
      LayerCam::new,
      GradCamPlusPlus::new,
      GradCamPlusPlusExact::new,
      SmoothGradCamPlusPlus::new,
      GuidedGradCam::new,
      PyramidGradCam::new,
      CommonComponentCam::new);
}
