package io.gradlight.saliency.cam;

import io.gradlight.tensor.Tensor;

/**
 * XGrad-CAM (Fu et al., BMVC 2020): channel weights normalised by the channel's
 * activation mass, chosen to satisfy the sensitivity and conservation axioms,
 *
 * <pre>
 *   alpha_k = sum_ij (A_kij / (sum_ab A_kab + 1e-7)) dS / dA_kij,     raw = sum_k alpha_k A_k.
 * </pre>
 *
 * The {@value #EPS} in the denominator is pytorch-grad-cam's ({@code XGradCAM}; torch-cam uses
 * 1e-8). Display: ReLU.
 */
public final class XGradCam extends LayerGradientCam {
  /** The denominator's eps, pytorch-grad-cam's. */
  public static final double EPS = 1e-7;

  @Override
  public String id() {
    return "xgradcam";
  }

  @Override
  public String paper() {
    return "Fu et al., Axiom-based Grad-CAM: Towards Accurate Visualization and Explanation of"
        + " CNNs, BMVC 2020";
  }

  @Override
  public Tensor map(Tensor activation, Tensor gradient) {
    Tensor weights = ChannelMaps.spatialSum(gradient.mul(activation))
        .div(ChannelMaps.spatialSum(activation).add(EPS));
    return ChannelMaps.weightedSum(weights, activation);
  }
}
