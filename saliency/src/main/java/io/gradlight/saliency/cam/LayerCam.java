package io.gradlight.saliency.cam;

import io.gradlight.tensor.Tensor;

/**
 * LayerCAM (Jiang et al., IEEE TIP 2021): every location gets its own weight, the
 * positive part of its gradient,
 *
 * <pre>
 *   raw_ij = sum_k ReLU(dS / dA_kij) A_kij.
 * </pre>
 *
 * As pytorch-grad-cam's {@code LayerCAM}: no {@code tanh(2 x)} rescaling (the paper's eq. 9,
 * which torch-cam applies only when fusing several layers). Display: ReLU.
 */
public final class LayerCam extends LayerGradientCam {

  @Override
  public String id() {
    return "layercam";
  }

  @Override
  public String paper() {
    return "Jiang et al., LayerCAM: Exploring Hierarchical Class Activation Maps for"
        + " Localization, IEEE TIP 2021";
  }

  @Override
  public Tensor map(Tensor activation, Tensor gradient) {
    return ChannelMaps.channelSum(gradient.relu().mul(activation));
  }
}
