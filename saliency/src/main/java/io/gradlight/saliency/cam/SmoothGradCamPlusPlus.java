package io.gradlight.saliency.cam;

import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Smooth Grad-CAM++ (Omeiza et al., arXiv 1908.01224, 2019): Grad-CAM++ with the derivatives
 * averaged over noisy copies of the input, as SmoothGrad averages gradients. For samples
 * {@code x_s = x + eps_s}, {@code eps_s ~ N(0, sigma^2)} with
 * {@code sigma = noiseLevel (max(x) - min(x))} per image, and {@code g_s = dS/dA} at
 * {@code x_s} (the class fixed to the one resolved on the clean input):
 *
 * <pre>
 *   D1 = mean_s g_s,   D2 = mean_s g_s^2,   D3 = mean_s g_s^3
 *   alpha = D2 / (2 D2 + (sum_ab A_kab) D3 + 1e-6),  0 where D2 = 0
 *   w_k   = sum_ij ReLU(D1) alpha
 *   raw = sum_k w_k A_k
 * </pre>
 *
 * with {@code A} the <em>clean</em> input's activations in the sum and in the map (torch-cam's
 * {@code SmoothGradCAMpp} uses the last noisy pass's activations and the last sample's
 * {@code g}: two deviations gradlight does not repeat). The derivatives are eq. 19's
 * ({@code e^S} dropped per sample, as {@link GradCamPlusPlus}), so zero noise gives exactly
 * Grad-CAM++. Directly before a global average pool + linear head, {@code g = W[c, k] / (h w)}
 * does not depend on the input, and the noise changes nothing: smoothing acts through the layers
 * between the target layer and the head. The noise is drawn from the request's seed, sample by sample and image by image,
 * so the same seed gives the same map on any thread count. Samples run in batched passes of up
 * to {@value #IMAGES_PER_PASS} images. Display: ReLU, then min-max.
 */
public final class SmoothGradCamPlusPlus implements SaliencyMethod {
  /** The default number of noisy samples. */
  public static final int DEFAULT_SAMPLES = 16;
  /** The default noise, as a fraction of each image's value range (SmoothGrad's 10-20%). */
  public static final double DEFAULT_NOISE_LEVEL = 0.15;
  /** The largest batch of noisy images run in one forward and backward pass. */
  static final int IMAGES_PER_PASS = 16;

  private final int samples;
  private final double noiseLevel;

  /** {@value #DEFAULT_SAMPLES} samples at noise {@value #DEFAULT_NOISE_LEVEL}. */
  public SmoothGradCamPlusPlus() {
    this(DEFAULT_SAMPLES, DEFAULT_NOISE_LEVEL);
  }

  /**
   * @param samples the number of noisy copies, at least 1
   * @param noiseLevel the noise standard deviation as a fraction of each image's range, >= 0
   */
  public SmoothGradCamPlusPlus(int samples, double noiseLevel) {
    if (samples < 1) {
      throw new IllegalArgumentException("smooth-gradcam++ needs at least 1 sample, got "
          + samples);
    }
    if (!(noiseLevel >= 0) || Double.isInfinite(noiseLevel)) {
      throw new IllegalArgumentException("smooth-gradcam++ needs a finite noise level >= 0, got "
          + noiseLevel);
    }
    this.samples = samples;
    this.noiseLevel = noiseLevel;
  }

  @Override
  public String id() {
    return "smooth-gradcam++";
  }

  @Override
  public String paper() {
    return "Omeiza et al., Smooth Grad-CAM++: An Enhanced Inference Level Visualization Technique"
        + " for Deep Convolutional Neural Network Models, arXiv 1908.01224, 2019";
  }

  @Override
  public boolean usesLayer() {
    return true;
  }

  @Override
  public SaliencyMap explain(ExplainRequest r) {
    LayerGradients clean = LayerGradients.of(r);
    Tensor x = r.input();
    int n = x.dim(0);
    int perPass = Math.max(1, IMAGES_PER_PASS / n);
    ExplainRequest fixed = r.withTargets(Targets.of(repeat(clean.classes(), perPass)));
    Tensor sigma = range(x).mul(noiseLevel);
    SplittableRandom rng = new SplittableRandom(r.seed());
    Tensor a = clean.activation();
    Tensor d1 = a.zerosLike();
    Tensor d2 = a.zerosLike();
    Tensor d3 = a.zerosLike();
    for (int done = 0; done < samples; done += perPass) {
      int m = Math.min(perPass, samples - done);
      Tensor[] noisy = new Tensor[m];
      for (int s = 0; s < m; s++) {
        noisy[s] = x.add(Tensor.normal(x.dtype(), x.shape(), 0, 1, rng).mul(sigma));
      }
      ExplainRequest pass = m == perPass ? fixed
          : r.withTargets(Targets.of(repeat(clean.classes(), m)));
      Tensor g = LayerGradients.of(pass, Tensor.concat(0, noisy)).gradient();
      Shape perSample = Shape.of(m, n, a.dim(1), a.dim(2), a.dim(3));
      Tensor g2 = g.square();
      d1 = d1.add(sumOverSamples(g, perSample));
      d2 = d2.add(sumOverSamples(g2, perSample));
      d3 = d3.add(sumOverSamples(g2.mul(g), perSample));
    }
    Tensor weights = GradCamPlusPlus.weights(a, d1.div(samples), d2.div(samples),
        d3.div(samples), false);
    Tensor raw = ChannelMaps.weightedSum(weights, a);
    Map<String, String> notes = Map.of("samples", Integer.toString(samples),
        "noise", noiseLevel + " of each image's range");
    return ChannelMaps.result(id(), raw, clean.classes(), clean.layer(), r, notes);
  }

  private static Tensor sumOverSamples(Tensor t, Shape perSample) {
    return t.reshape(perSample).sum(new int[] {0}, false);
  }

  /** {@code max - min} per image, {@code [N, 1, 1, 1]}. */
  private static Tensor range(Tensor x) {
    int[] rest = {1, 2, 3};
    return x.max(rest, true).sub(x.min(rest, true));
  }

  private static int[] repeat(int[] classes, int times) {
    int[] out = new int[classes.length * times];
    for (int i = 0; i < out.length; i++) {
      out[i] = classes[i % classes.length];
    }
    return out;
  }
}
