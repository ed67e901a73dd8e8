package io.gradlight.saliency.gradient;

import io.gradlight.autograd.ReluRule;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.TensorRandom;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * SmoothGrad (Smilkov, Thorat, Kim, Viegas and Wattenberg 2017, "SmoothGrad: removing noise by
 * adding noise", eq. 1): the gradient averaged over {@code n} noisy copies of the input,
 *
 * <pre>
 *   M(x) = (1/n) sum_{s=1..n} dS_c/dx (x + e_s),   e_s ~ N(0, sigma^2),
 *   sigma = noise * (max(x) - min(x))              per image, over all its pixels and channels
 * </pre>
 *
 * with the paper's defaults {@code n = 50} and noise level 15% (its recommended 10-20%). Variants
 * ({@link Variant}): the plain mean of the gradients; SmoothGrad-Squared, the mean of {@code g^2}
 * (Hooker, Erhan, Kindermans and Kim 2019, "A Benchmark for Interpretability Methods in Deep
 * Neural Networks"); VarGrad, their variance {@code mean(g^2) - mean(g)^2} (Adebayo et al. 2018),
 * computed by Welford's update.
 *
 * <p>Where libraries differ (saliency_anchors b.8 point 5), gradlight follows the paper:
 *
 * <ul>
 *   <li>noise scale: relative to each image's range here and in tf-keras-vis ({@code 0.2 (max -
 *       min)} per sample); captum's {@code NoiseTunnel} takes an absolute {@code stdevs = 1.0};
 *       torch-cam's Smooth Grad-CAM++ an absolute 0.3;
 *   <li>sign: the signed gradients are averaged and {@code |.|} comes only in the display;
 *       tf-keras-vis and captum's default {@code Saliency(abs=True)} take {@code |g|} of each
 *       sample before the mean;
 *   <li>seeding: the noise is drawn from {@code SplittableRandom(seed)}, sample by sample and
 *       image by image in batch order, so the same seed gives the same map for any thread count
 *       and any grouping of samples into passes (captum and tf-keras-vis draw unseeded noise).
 * </ul>
 *
 * The class of each image is fixed on the clean input. Raw: {@code [N, C, H, W]} (signed for the
 * mean, non-negative for the other variants); display: {@code max_c |raw|} over channels, then
 * per-image min-max ({@link io.gradlight.saliency.Display#ofInputGradient}).
 */
public final class SmoothGrad implements SaliencyMethod {
  /** The CLI id. */
  public static final String ID = "smoothgrad";
  /** The paper's number of samples. */
  public static final int DEFAULT_SAMPLES = 50;
  /** The noise standard deviation as a fraction of the input range. */
  public static final double DEFAULT_NOISE = 0.15;

  /** What is averaged over the noisy samples. */
  public enum Variant {
    /** {@code mean(g)}: SmoothGrad. */
    MEAN,
    /** {@code mean(g^2)}: SmoothGrad-Squared. */
    SQUARED,
    /** {@code mean(g^2) - mean(g)^2}: VarGrad. */
    VARGRAD
  }

  private final int samples;
  private final double noise;
  private final Variant variant;
  private final int imagesPerPass;

  /** The paper's SmoothGrad: 50 samples, noise 15% of the input range, the mean. */
  public SmoothGrad() {
    this(DEFAULT_SAMPLES, DEFAULT_NOISE, Variant.MEAN, InputGradients.IMAGES_PER_PASS);
  }

  /**
   * @param samples {@code n}, at least 1
   * @param noise the noise standard deviation as a fraction of each image's range, finite, >= 0
   * @param variant what is averaged
   * @param imagesPerPass the most images stacked into one forward and backward pass, at least 1
   */
  public SmoothGrad(int samples, double noise, Variant variant, int imagesPerPass) {
    this.samples = InputGradients.atLeastOne(ID, "samples", samples);
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new IllegalArgumentException(ID + ": the noise level must be a finite fraction >= 0 of"
          + " the input range, got " + noise);
    }
    if (variant == null) {
      throw new IllegalArgumentException(ID + ": the variant is required");
    }
    this.noise = noise;
    this.variant = variant;
    this.imagesPerPass = InputGradients.atLeastOne(ID, "images per pass", imagesPerPass);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String paper() {
    return "Smilkov, Thorat, Kim, Viegas and Wattenberg, SmoothGrad: removing noise by adding"
        + " noise, arXiv:1706.03825, 2017";
  }

  @Override
  public boolean usesLayer() {
    return false;
  }

  @Override
  public SaliencyMap explain(ExplainRequest request) {
    Tensor x = request.input();
    int[] classes = request.targets().resolve(InputGradients.logits(request, x));
    double[] sigma = sigmas(x);
    SplittableRandom rng = new SplittableRandom(request.seed());
    Tensor[] mean = {x.zerosLike()};
    Tensor[] squares = {x.zerosLike()}; // Welford's sum of squared deviations, for VarGrad
    InputGradients.forEachSample(request, classes, samples, s -> x.add(noise(x, sigma, rng)),
        imagesPerPass, ReluRule.STANDARD, (s, g) -> {
          Tensor v = variant == Variant.SQUARED ? g.square() : g;
          Tensor delta = v.sub(mean[0]);
          mean[0] = mean[0].add(delta.div(s + 1));
          if (variant == Variant.VARGRAD) {
            squares[0] = squares[0].add(delta.mul(v.sub(mean[0])));
          }
        });
    Tensor raw = variant == Variant.VARGRAD ? squares[0].div(samples) : mean[0];
    return InputGradients.map(ID, raw, classes, Map.of(
        "samples", Integer.toString(samples),
        "noise", String.format(Locale.ROOT, "%.3g of the input range", noise),
        "variant", variant.name().toLowerCase(Locale.ROOT),
        "seed", Long.toString(request.seed())));
  }

  /** Per image, {@code noise * (max - min)} over its pixels. */
  private double[] sigmas(Tensor x) {
    int[] pixels = {1, 2, 3};
    double[] hi = x.max(pixels, false).toDoubleArray();
    double[] lo = x.min(pixels, false).toDoubleArray();
    double[] sigma = new double[hi.length];
    for (int i = 0; i < sigma.length; i++) {
      sigma[i] = noise * (hi[i] - lo[i]);
    }
    return sigma;
  }

  /** One sample's noise {@code [N, C, H, W]}, image by image from {@code rng}. */
  private static Tensor noise(Tensor x, double[] sigma, SplittableRandom rng) {
    Shape image = Shape.of(x.dim(1), x.dim(2), x.dim(3));
    Tensor[] parts = new Tensor[sigma.length];
    for (int i = 0; i < sigma.length; i++) {
      parts[i] = TensorRandom.normal(x.dtype(), image, 0, sigma[i], rng).unsqueeze(0);
    }
    return parts.length == 1 ? parts[0] : Tensor.concat(0, parts);
  }
}
