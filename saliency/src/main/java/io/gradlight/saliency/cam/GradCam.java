package io.gradlight.saliency.cam;

import io.gradlight.tensor.Tensor;

/**
 * Grad-CAM (Selvaraju et al., ICCV 2017, eq. 1 and 2): each channel is weighted by its
 * spatially averaged gradient,
 *
 * <pre>
 *   alpha_k = (1 / Z) sum_ij dS / dA_kij,        raw = sum_k alpha_k A_k     (Z = h w)
 * </pre>
 *
 * and the display map takes {@code ReLU(raw)} (the paper's eq. 2). As pytorch-grad-cam's
 * {@code GradCAM} and captum's {@code LayerGradCam} (which leaves the ReLU off by default). On a
 * global-average-pool + linear head, {@code alpha_k = W[c, k] / Z}: Grad-CAM is CAM divided by
 * {@code Z}.
 */
public final class GradCam extends LayerGradientCam {

  @Override
  public String id() {
    return "gradcam";
  }

  @Override
  public String paper() {
    return "Selvaraju et al., Grad-CAM: Visual Explanations from Deep Networks via Gradient-based"
        + " Localization, ICCV 2017";
  }

  @Override
  public Tensor map(Tensor activation, Tensor gradient) {
    return ChannelMaps.weightedSum(ChannelMaps.spatialMean(gradient), activation);
  }
}
