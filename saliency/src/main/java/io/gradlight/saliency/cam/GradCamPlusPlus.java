package io.gradlight.saliency.cam;

import io.gradlight.tensor.Tensor;

/**
 * Grad-CAM++ (Chattopadhay et al., WACV 2018), eq. 19 exactly as pytorch-grad-cam computes it.
 * With {@code g = dS/dA} (S the request's score, the logit by default):
 *
 * <pre>
 *   alpha_kij = g_kij^2 / (2 g_kij^2 + (sum_ab A_kab) g_kij^3 + 1e-6),   alpha = 0 where g = 0
 *   w_k       = sum_ij ReLU(g_kij) alpha_kij,                           raw = sum_k w_k A_k
 * </pre>
 *
 * Eq. 19 is eq. 10 (in terms of the derivatives of {@code Y}) for {@code Y = exp(S)} and a head
 * after the layer that is piecewise linear in {@code A}: then {@code d^n Y / dA^n = e^S g^n},
 * {@code e^S} cancels in alpha and only scales {@code w}; {@link GradCamPlusPlusExact} computes
 * eq. 10 from true derivatives.
 *
 * <p><b>Four implementations, four answers</b> (reference/saliency_anchors.md b.2, b.3, b.4, b.8):
 *
 * <ul>
 *   <li>pytorch-grad-cam: the formula above (no {@code e^S}, no alpha renormalisation, eps
 *       {@value #EPS} in place of the paper's "0/0 := 0"). gradlight's default.
 *   <li>the authors' official code (and tf-keras-vis): derivatives {@code e^S g^n}, and alpha
 *       renormalised per channel, {@code alpha / sum_ij alpha} (a zero sum divides by 1). The
 *       {@code e^S} is invisible after min-max; the renormalisation is not: it changes the
 *       relative channel weights. {@code new GradCamPlusPlus(true)} applies it.
 *   <li>torch-cam: intends {@code sum_ab A_kab g_kab^3} (not {@code (sum A) g^3}) in the
 *       denominator, but its in-place division acts on a copy, so its weights are
 *       {@code sum_ij g^2 ReLU(g)}: a bug gradlight does not repeat.
 *   <li>captum: no Grad-CAM++.
 * </ul>
 *
 * Display: ReLU, then min-max.
 */
public final class GradCamPlusPlus extends LayerGradientCam {
  /** The denominator's eps, pytorch-grad-cam's. */
  public static final double EPS = 1e-6;

  private final boolean renormaliseAlpha;

  /** pytorch-grad-cam's eq. 19: no alpha renormalisation. */
  public GradCamPlusPlus() {
    this(false);
  }

  /** @param renormaliseAlpha divide alpha by its spatial sum per channel (the official code) */
  public GradCamPlusPlus(boolean renormaliseAlpha) {
    this.renormaliseAlpha = renormaliseAlpha;
  }

  @Override
  public String id() {
    return "gradcam++";
  }

  @Override
  public String paper() {
    return "Chattopadhay et al., Grad-CAM++: Generalized Gradient-Based Visual Explanations for"
        + " Deep Convolutional Networks, WACV 2018";
  }

  @Override
  public Tensor map(Tensor activation, Tensor gradient) {
    Tensor g2 = gradient.square();
    Tensor weights = weights(activation, gradient, g2, g2.mul(gradient), renormaliseAlpha);
    return ChannelMaps.weightedSum(weights, activation);
  }

  /**
   * The channel weights {@code [N, K, 1, 1]} of eq. 10 from the first three derivatives (each
   * {@code [N, K, h, w]}, up to one common positive factor per image) of the explained function:
   * {@code alpha = d2 / (2 d2 + (sum_ab A_kab) d3 + EPS)}, 0 where {@code d2 = 0};
   * {@code w_k = sum_ij ReLU(d1) alpha}; optionally {@code alpha / sum_ij alpha} first.
   */
  static Tensor weights(Tensor activation, Tensor d1, Tensor d2, Tensor d3,
      boolean renormaliseAlpha) {
    Tensor denominator = d2.mul(2).add(ChannelMaps.spatialSum(activation).mul(d3)).add(EPS);
    Tensor zero = d2.zerosLike();
    Tensor alpha = Tensor.where(d2.eq(zero), zero, d2.div(denominator));
    if (renormaliseAlpha) {
      Tensor total = ChannelMaps.spatialSum(alpha);
      alpha = alpha.div(Tensor.where(total.eq(total.zerosLike()), total.onesLike(), total));
    }
    return ChannelMaps.spatialSum(d1.relu().mul(alpha));
  }
}
