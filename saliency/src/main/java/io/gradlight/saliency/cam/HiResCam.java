package io.gradlight.saliency.cam;

import io.gradlight.tensor.Tensor;

/**
 * HiResCAM (Draelos and Carin, 2020): the gradient multiplies the activations element
 * by element, with no spatial averaging,
 *
 * <pre>
 *   raw_ij = sum_k (dS / dA_kij) A_kij,
 * </pre>
 *
 * so the map shows exactly the locations the score's first-order expansion uses (for a
 * global-average-pool + linear head, HiResCAM equals Grad-CAM). Display: ReLU, as
 * pytorch-grad-cam's {@code HiResCAM}.
 */
public final class HiResCam extends LayerGradientCam {

  @Override
  public String id() {
    return "hirescam";
  }

  @Override
  public String paper() {
    return "Draelos and Carin, Use HiResCAM instead of Grad-CAM for faithful explanations of"
        + " convolutional neural networks, arXiv 2011.08891, 2020";
  }

  @Override
  public Tensor map(Tensor activation, Tensor gradient) {
    return ChannelMaps.channelSum(gradient.mul(activation));
  }
}
