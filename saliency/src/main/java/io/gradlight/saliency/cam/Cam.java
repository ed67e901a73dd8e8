package io.gradlight.saliency.cam;

import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.LayerForward;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.saliency.Score;
import io.gradlight.tensor.Tensor;
import java.util.Map;

/**
 * CAM, class activation mapping (Zhou et al., CVPR 2016, section 2). For a network whose head
 * after the target layer is a global average pool and one linear layer,
 * {@code z_c = sum_k W[c, k] mean_ij(A_kij) + b_c}, the class-c map is the same linear layer
 * applied at every location:
 *
 * <pre>
 *   raw_ij = sum_k W[c, k] A_kij.
 * </pre>
 *
 * No gradients, one forward pass. The head is detected by {@link GapLinearHead} (ShapesNet and
 * ResNet at their last block qualify; VGG does not); any other model or layer is refused with a
 * message naming the failed condition. CAM explains the class logit whatever the request's
 * score (the weights are the logit's); a non-logit score is noted in the map. On such heads
 * Grad-CAM equals {@code raw / (h w)}. Display: ReLU, then min-max (as torch-cam's {@code CAM},
 * which has no ReLU, would show after {@code ReLU}).
 */
public final class Cam implements SaliencyMethod {

  @Override
  public String id() {
    return "cam";
  }

  @Override
  public String paper() {
    return "Zhou et al., Learning Deep Features for Discriminative Localization, CVPR 2016";
  }

  @Override
  public boolean usesLayer() {
    return true;
  }

  @Override
  public SaliencyMap explain(ExplainRequest r) {
    String layer = r.layerOrDefault();
    LayerForward f;
    Tensor weights;
    try (Scope _ = GradMode.disabled(); GapLinearHead head = GapLinearHead.attach(r.model())) {
      f = LayerForward.run(r, r.input(), layer, false);
      Variable a = LayerGradients.spatialActivation(r, f, layer);
      weights = head.classWeights(f.logits(), a, layer);
    }
    Tensor a = f.activation().value();
    int n = a.dim(0);
    int k = a.dim(1);
    Tensor rows = Tensor.concat(0, rowsOf(weights, f.classes())).reshape(n, k, 1, 1);
    Tensor raw = ChannelMaps.weightedSum(rows, a);
    Map<String, String> notes = r.score() == Score.LOGIT ? Map.of()
        : Map.of("score", "cam explains the logit; score '" + r.score().id() + "' is not used");
    return ChannelMaps.result(id(), raw, f.classes(), layer, r, notes);
  }

  private static Tensor[] rowsOf(Tensor weights, int[] classes) {
    Tensor[] rows = new Tensor[classes.length];
    for (int i = 0; i < classes.length; i++) {
      rows[i] = weights.slice(0, classes[i], classes[i] + 1);
    }
    return rows;
  }
}
