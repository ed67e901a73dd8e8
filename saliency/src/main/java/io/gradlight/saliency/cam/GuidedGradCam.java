package io.gradlight.saliency.cam;

import io.gradlight.autograd.Autograd;
import io.gradlight.autograd.ReluRule;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.saliency.Display;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.LayerForward;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Guided Grad-CAM (Selvaraju et al., ICCV 2017, section 3.1): the pixel-space Guided Backprop
 * gradient times the Grad-CAM map upsampled to the input,
 *
 * <pre>
 *   raw[n, c, y, x] = GB[n, c, y, x] * U(ReLU(gradcam))[n, y, x]
 * </pre>
 *
 * where {@code GB = dS/dx} with every ReLU's backward replaced by Guided Backprop's
 * {@code gy [x > 0] [gy > 0]} ({@link ReluRule#guided()}; other activations keep their true
 * derivative) and {@code U} is bilinear resizing to the input size with half-pixel centres
 * (captum's {@code GuidedGradCam} upsamples with nearest by default, pytorch-grad-cam only gives
 * a README recipe). One forward pass; two backward passes of the batch's summed scores: the
 * standard one to the target layer for Grad-CAM, then the guided one to the input.
 *
 * <p>The raw map is {@code [N, C, H, W]} at input resolution, like the input-gradient methods',
 * and so is displayed as they are ({@link Display#ofInputGradient}: {@code max_c |raw|}, then
 * min-max; no ReLU).
 */
public final class GuidedGradCam implements SaliencyMethod {

  @Override
  public String id() {
    return "guided-gradcam";
  }

  @Override
  public String paper() {
    return "Selvaraju et al., Grad-CAM: Visual Explanations from Deep Networks via Gradient-based"
        + " Localization, ICCV 2017 (Guided Grad-CAM)";
  }

  @Override
  public boolean usesLayer() {
    return true;
  }

  @Override
  public SaliencyMap explain(ExplainRequest r) {
    String layer = r.layerOrDefault();
    LayerForward f = LayerForward.run(r, r.input(), layer, true);
    Variable a = LayerGradients.spatialActivation(r, f, layer);
    Variable total = f.scores().sum();
    Autograd.Options keep = Autograd.Options.DEFAULT.withRetainGraph(true);
    Tensor g = Autograd.grad(List.of(total), List.of(a), null, keep).get(0).value();
    Tensor guided;
    try (Scope _ = ReluRule.guided()) {
      guided = Autograd.grad(total, f.input()).value();
    }
    Tensor cam = new GradCam().map(a.value(), g);
    Tensor raw = combine(guided, cam);
    Tensor display = Display.ofInputGradient(raw);
    return new SaliencyMap(id(), raw, display, f.classes(), layer, Map.of());
  }

  /**
   * {@code guided [N, C, H, W]} times {@code ReLU(cam [N, h, w])} upsampled to {@code H x W}
   * (bilinear, half-pixel centres), broadcast over channels.
   */
  public static Tensor combine(Tensor guided, Tensor cam) {
    int n = guided.dim(0);
    int height = guided.dim(2);
    int width = guided.dim(3);
    Tensor up = ChannelMaps.upsample(cam.relu(), height, width);
    return guided.mul(up.reshape(n, 1, height, width));
  }
}
