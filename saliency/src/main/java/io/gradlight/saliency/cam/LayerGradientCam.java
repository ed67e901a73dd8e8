package io.gradlight.saliency.cam;

import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.tensor.Tensor;
import java.util.Map;

/**
 * A CAM method whose map is a function of the target layer's activation {@code A} and the
 * gradient {@code g = dS/dA} alone (Grad-CAM, HiResCAM, XGrad-CAM, LayerCAM, Grad-CAM++): one
 * forward and one backward for the whole batch, then {@link #map}. The raw map is
 * {@code [N, h, w]} at the target layer, before the method's ReLU and any normalisation; the
 * display map is {@link io.gradlight.saliency.Display#ofMap} with the ReLU.
 */
public abstract class LayerGradientCam implements SaliencyMethod {

  @Override
  public final boolean usesLayer() {
    return true;
  }

  @Override
  public final SaliencyMap explain(ExplainRequest request) {
    LayerGradients lg = LayerGradients.of(request);
    Tensor raw = map(lg.activation(), lg.gradient());
    return ChannelMaps.result(id(), raw, lg.classes(), lg.layer(), request, Map.of());
  }

  /** The raw map {@code [N, h, w]} of activations and gradients {@code [N, K, h, w]}. */
  public abstract Tensor map(Tensor activation, Tensor gradient);
}
