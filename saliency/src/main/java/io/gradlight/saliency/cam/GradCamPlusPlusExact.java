package io.gradlight.saliency.cam;

import io.gradlight.autograd.HigherOrder.Diagonals;
import io.gradlight.autograd.Variable;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.LayerForward;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.tensor.Tensor;
import java.util.Map;

/**
 * Grad-CAM++ from true derivatives: eq. 10 of Chattopadhay et al. (WACV 2018) for the score
 * {@code Y = exp(S)} (S the request's score, the logit by default), with the second and third
 * derivatives computed by nested reverse mode instead of eq. 19's closed form:
 *
 * <pre>
 *   alpha_kij = Y''_kij / (2 Y''_kij + (sum_ab A_kab) Y'''_kij)
 *   w_k       = sum_ij ReLU(Y'_kij) alpha_kij
 *   Y' = e^S g,   Y'' = e^S (g^2 + S''),   Y''' = e^S (g^3 + 3 g S'' + S''')      (per element)
 * </pre>
 *
 * where {@code g, S'', S'''} are the diagonals {@code d^n S / dA_kij^n} ({@link ExactDiagonals}:
 * exact, one backward per order on separable heads, per-position products otherwise). With a
 * piecewise-linear head {@code S'' = S''' = 0} and this is eq. 19; with a smooth head (softplus,
 * SiLU, GELU, tanh after the layer) the curvature terms {@code S''} and
 * {@code 3 g S'' + S'''} change alpha.
 *
 * <p><b>Scale and eps.</b> {@code e^S} is a positive factor per image: it cancels in alpha and
 * only scales {@code w}. gradlight divides it out ({@code D_n = Y^(n) / e^S}, computed without
 * ever forming {@code e^S}, which overflows for logits above about 709 in F64 and 88 in F32), and
 * uses {@link GradCamPlusPlus}'s eps and zero rule on the {@code D_n}:
 *
 * <pre>
 *   alpha = D2 / (2 D2 + (sum_ab A_kab) D3 + 1e-6),  0 where D2 = 0
 *   raw   = sum_k (sum_ij ReLU(D1) alpha) A_k
 * </pre>
 *
 * so that the raw map equals {@link GradCamPlusPlus}'s exactly when the head is piecewise linear
 * (the raw map is {@code e^-S} times eq. 10's). Display: ReLU, then min-max.
 */
public final class GradCamPlusPlusExact implements SaliencyMethod {

  @Override
  public String id() {
    return "gradcam++-exact";
  }

  @Override
  public String paper() {
    return "Chattopadhay et al., Grad-CAM++: Generalized Gradient-Based Visual Explanations for"
        + " Deep Convolutional Networks, WACV 2018 (eq. 10, exact derivatives)";
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
    ExactDiagonals.Result exact = ExactDiagonals.of(f.scores(), a, layer);
    Tensor raw = map(a.value(), exact.diagonals());
    String how = exact.separable() ? "separable head: one backward per order"
        : "non-separable head: one Hessian-vector product per element position";
    return ChannelMaps.result(id(), raw, f.classes(), layer, r, Map.of("derivatives", how));
  }

  /** The raw map from the diagonals of S ({@code scores}, g, S'', S''') at activations A. */
  static Tensor map(Tensor activation, Diagonals ofScore) {
    // ofExp at S = 0 gives e^-S Y^(n): g, g^2 + S'', g^3 + 3 g S'' + S'''.
    Diagonals d = new Diagonals(ofScore.scores().zerosLike(), ofScore.first(), ofScore.second(),
        ofScore.third()).ofExp();
    Tensor weights = GradCamPlusPlus.weights(activation, d.first(), d.second(), d.third(), false);
    return ChannelMaps.weightedSum(weights, activation);
  }
}
