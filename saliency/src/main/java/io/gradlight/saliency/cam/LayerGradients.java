package io.gradlight.saliency.cam;

import io.gradlight.autograd.Autograd;
import io.gradlight.autograd.Variable;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.LayerForward;
import io.gradlight.saliency.TargetLayers;
import io.gradlight.tensor.Tensor;
import java.util.List;

/**
 * A batch's target-layer activation {@code A} and the gradient {@code g = dS/dA} of each image's
 * score {@code S}, both {@code [N, K, h, w]}, from one forward pass and one backward of
 * {@code sum_n S_n}: images do not interact in eval mode, so the gradient of the sum holds each
 * image's own {@code g}.
 *
 * @param forward the forward pass (classes, logits, scores)
 * @param layer the target layer's name
 * @param activation {@code A}
 * @param gradient {@code g}
 */
record LayerGradients(LayerForward forward, String layer, Tensor activation, Tensor gradient) {

  /** {@code A} and {@code g} of the request's input at its target layer. */
  static LayerGradients of(ExplainRequest r) {
    return of(r, r.input());
  }

  /** {@code A} and {@code g} of input {@code x} (targets and score of {@code r}). */
  static LayerGradients of(ExplainRequest r, Tensor x) {
    String layer = r.layerOrDefault();
    // The input requires grad so that A is in the graph even when the model's parameters do not.
    LayerForward f = LayerForward.run(r, x, layer, true);
    Variable a = spatialActivation(r, f, layer);
    Variable g = Autograd.grad(List.of(f.scores().sum()), List.of(a), null, false).get(0);
    return new LayerGradients(f, layer, a.value(), g.value());
  }

  /** The captured activation, checked to be a spatial map {@code [N, K, h, w]}. */
  static Variable spatialActivation(ExplainRequest r, LayerForward f, String layer) {
    Variable a = f.activation();
    if (a.rank() != 4) {
      throw new IllegalArgumentException("layer '" + layer + "' outputs " + a.shape()
          + "; CAM methods need a spatial layer [N, C, h, w], one of: "
          + String.join(", ", TargetLayers.spatialLayers(r.model(), r.input().shape())));
    }
    return a;
  }

  /** The classes explained, one per image. */
  int[] classes() {
    return forward.classes();
  }
}
