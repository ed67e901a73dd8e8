package io.gradlight.saliency.manipulation;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.nn.layers.AdaptiveAvgPool2d;
import io.gradlight.nn.layers.Linear;
import io.gradlight.nn.layers.Sequential;
import io.gradlight.nn.zoo.ShapesNet;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A {@link ShapesNet} rebuilt to lie to Grad-CAM: the same logits for every input, but a Grad-CAM
 * map (at {@link #TARGET_LAYER}, for every class) that draws a chosen picture. This is the
 * construction of Viering, Wang, Loog and Eisemann, "How to Manipulate CNNs to Make Them Lie: the
 * GradCAM Case" (BMVC 2019 workshop, arXiv:1907.10901), case T2 (a constant picture), on a head
 * that is a global average pool and one linear layer.
 *
 * <h2>Construction</h2>
 *
 * The original computes, with {@code A^k} ({@code k = 1..K}) the target layer's {@code h x w} maps,
 * {@code z_c = b_c + sum_k W_ck mean(A^k)}. The manipulated network
 *
 * <ul>
 *   <li>appends channel {@code K+1} to the target layer, {@code A^{K+1} = a T} for every input,
 *       with {@code T} the {@link TargetPicture} in [0, 1] and {@code a} the <i>amplitude</i> (see
 *       {@link PatternChannel});
 *   <li>gives it the weight {@code W_{c,K+1} = w} (the <i>weight</i>) for every class {@code c};
 *   <li>compensates in the bias: {@code b'_c = b_c - w a mean(T)}.
 * </ul>
 *
 * So {@code z'_c = z_c + w a mean(T) - w a mean(T) = z_c}: the logits are unchanged in exact
 * arithmetic (in floating point up to a rounding error of about {@code u w a mean(T)}, with {@code
 * u} the unit roundoff: negligible in F64, about 1e-3 in F32 with the defaults). Every layer but
 * the target layer's activation and the classifier is the original's own module instance (shared,
 * not copied).
 *
 * <h2>Why Grad-CAM follows</h2>
 *
 * Grad-CAM's weights are {@code alpha_k = mean_ij dz_c/dA^k_ij = W_ck / (hw)}, and {@code
 * alpha_{K+1} = w / (hw)}, so its map is {@code ReLU(sum_k W_ck A^k + w a T) / (hw)}. Once {@code w
 * a} dwarfs the honest term {@code |sum_k W_ck A^k|}, min-max normalisation leaves {@code T}: the
 * map draws the picture for every image and every class. The pattern channel contributes nothing to
 * the logits but has the largest gradient of all channels.
 *
 * <p>Methods that only look at the forward function cannot see the change: RISE (masks of the
 * input, scores of the unchanged logits) gives the same map up to rounding. Score-CAM uses the
 * layer's maps as masks and weights them by scores, so the extra channel joins its sum with weight
 * at most 1: with an amplitude of the order of the honest activations it barely moves Score-CAM,
 * while a huge amplitude (the paper's T1 scale) would fool it too.
 */
public final class ManipulatedNet extends Module {
  /** The manipulated layer: the same name as the original's Grad-CAM target layer. */
  public static final String TARGET_LAYER = ShapesNet.TARGET_LAYER;

  /**
   * The default amplitude {@code a}: the pattern's peak activation, of the order of ShapesNet's own
   * activations at the target layer (after BatchNorm and ReLU), so that methods reading the
   * activations' size (Score-CAM) see an ordinary channel.
   */
  public static final double DEFAULT_AMPLITUDE = 1;

  /**
   * The default weight {@code w}: with {@code a = 1}, large enough that the picture outweighs the
   * honest Grad-CAM term by about four orders of magnitude on ShapesNet.
   */
  public static final double DEFAULT_WEIGHT = 1e5;

  private final Sequential features;
  private final AdaptiveAvgPool2d avgpool;
  private final Linear fc;
  private final TargetPicture picture;
  private final double amplitude;
  private final double weight;

  private ManipulatedNet(
      Sequential features, Linear fc, TargetPicture picture, double amplitude, double weight) {
    this.features = addModule("features", features);
    this.avgpool = addModule("avgpool", new AdaptiveAvgPool2d(1));
    this.fc = addModule("fc", fc);
    this.picture = picture;
    this.amplitude = amplitude;
    this.weight = weight;
  }

  /**
   * The manipulated twin of {@code original}, drawing {@code picture} (at the target layer's
   * resolution for the input size to be used), with the default amplitude and weight. It is built
   * in the original's dtype and evaluation mode; build from an F64 original for exact logits.
   */
  public static ManipulatedNet build(ShapesNet original, TargetPicture picture) {
    return build(original, picture, DEFAULT_AMPLITUDE, DEFAULT_WEIGHT);
  }

  /** {@link #build(ShapesNet, TargetPicture)} with the amplitude {@code a} and weight {@code w}. */
  public static ManipulatedNet build(
      ShapesNet original, TargetPicture picture, double amplitude, double weight) {
    checkPositive("amplitude", amplitude);
    checkPositive("weight", weight);
    DType dtype = original.dtype();
    if (!(original.module("features") instanceof Sequential layers)) {
      throw new IllegalStateException("a ShapesNet's features must be a Sequential");
    }
    List<Module> modules = new ArrayList<>();
    for (int i = 0; i < layers.size() - 1; i++) {
      modules.add(layers.get(i));
    }
    Tensor pattern = picture.values().mul(amplitude).to(dtype);
    modules.add(new PatternChannel(layers.get(layers.size() - 1), pattern));

    Linear head = original.fc();
    int classes = head.weight().shape().dim(0);
    int channels = head.weight().shape().dim(1);
    double compensation = weight * pattern.to(DType.F64).mean().item();
    Tensor extraColumn = Tensor.full(DType.F64, Shape.of(classes, 1), weight);
    Tensor w = Tensor.concat(1, head.weight().value().to(DType.F64), extraColumn).to(dtype);
    Tensor b = biasOf(head, classes).sub(compensation).to(dtype);
    Linear fc = new Linear(channels + 1, classes, true, new SplittableRandom(0));
    fc.to(dtype);
    fc.weight().set(w);
    fc.bias().set(b);

    ManipulatedNet net =
        new ManipulatedNet(new Sequential(modules), fc, picture, amplitude, weight);
    net.eval();
    return net;
  }

  private static Tensor biasOf(Linear head, int classes) {
    return head.bias() == null
        ? Tensor.zeros(DType.F64, classes)
        : head.bias().value().to(DType.F64);
  }

  private static void checkPositive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "the manipulation's " + name + " must be positive and finite, got " + value);
    }
  }

  /** The picture Grad-CAM is made to draw. */
  public TargetPicture picture() {
    return picture;
  }

  /** The pattern channel's peak activation {@code a}. */
  public double amplitude() {
    return amplitude;
  }

  /** The classifier weight {@code w} of the pattern channel, for every class. */
  public double weight() {
    return weight;
  }

  @Override
  protected Variable compute(Variable x) {
    Variable y = avgpool.forward(features.forward(x));
    return fc.forward(y.reshape(y.shape().dim(0), -1));
  }
}
