package io.gradlight.saliency.cleverhans;

import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.data.ShapesBatch;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.saliency.metrics.PointingGame;
import io.gradlight.saliency.metrics.RelevanceMass;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Clever-Hans story: a model trained on images whose label is given away by a cue (see {@link
 * Shapes}) is right on cued images and wrong on clean ones, and its saliency maps point at the cue.
 * Compared with an honest model (trained on clean images) on the same images:
 *
 * <ul>
 *   <li>accuracy on {@code count} cued images and on the same images without the cue (the cue draws
 *       no random numbers, so the two sets differ only under the cue);
 *   <li>per method, on the first {@code explained} cued images, explained for each model's top-1
 *       class: the relevance mass ({@link RelevanceMass}: the share of the positive raw relevance,
 *       at the input's resolution) on the cue's mask and on the object's mask, and how often the
 *       display map's maximum points at the cue ({@link PointingGame#published}: within the
 *       published 15 pixels, not scaled to the image size).
 * </ul>
 *
 * A map spread evenly would put {@link Result#cueArea} of its mass on the cue. Maps at a coarse
 * layer's resolution (Grad-CAM's 8 x 8 at 64 pixels) smear over the small cue, so their mass on it
 * stays low even when their peak sits next to it; the pointing rate shows that.
 */
public final class CleverHansStudy {
  /** Images per forward pass when measuring accuracy. */
  private static final int BATCH = 100;

  private final int count;
  private final int explained;
  private final long seed;

  /**
   * A study on images {@code 0 .. count-1} of the Shapes sequence for {@code seed} (take a seed the
   * models were not trained on), explaining the first {@code explained} of them.
   */
  public CleverHansStudy(int count, int explained, long seed) {
    if (count < 1 || explained < 1 || explained > count) {
      throw new IllegalArgumentException(
          "Clever-Hans study: need 1 <= explained <= count, got "
              + explained
              + " explained of "
              + count);
    }
    this.count = count;
    this.explained = explained;
    this.seed = seed;
  }

  /**
   * One method's relevance masses and pointing rates (fractions), each the mean over the explained
   * images.
   *
   * @param cheaterMap the cheating model's maps of the cued images
   * @param honestMap the honest model's maps of the same images
   */
  public record MethodRelevance(
      String method,
      double cheaterOnCue,
      double cheaterOnObject,
      double cheaterPointsAtCue,
      double honestOnCue,
      double honestOnObject,
      double honestPointsAtCue,
      SaliencyMap cheaterMap,
      SaliencyMap honestMap) {}

  /**
   * What the study found.
   *
   * @param cheaterCued accuracy of the cheating model on cued images
   * @param cheaterClean accuracy of the cheating model on the same images without the cue
   * @param honestCued accuracy of the honest model on cued images
   * @param honestClean accuracy of the honest model on clean images
   * @param cueArea the mean share of the image the cue covers
   * @param images the explained cued images {@code [explained, 3, H, W]}
   * @param labels their labels
   */
  public record Result(
      int count,
      double cheaterCued,
      double cheaterClean,
      double honestCued,
      double honestClean,
      double cueArea,
      Tensor images,
      int[] labels,
      List<MethodRelevance> methods) {

    public Result {
      labels = labels.clone();
      methods = List.copyOf(methods);
    }

    @Override
    public int[] labels() {
      return labels.clone();
    }
  }

  /** How many steps {@link #run} reports to {@code done}: 4 accuracy passes and 2 per method. */
  public static int steps(int methods) {
    return 4 + 2 * methods;
  }

  /**
   * Runs the study on {@code cheater} and {@code honest} (both in evaluation mode, taking Shapes
   * images of {@code size} pixels in [0, 1], in the models' dtype) for each method.
   */
  public Result run(
      Module cheater, Module honest, int size, List<SaliencyMethod> methods, Runnable done) {
    ShapesBatch cued = new Shapes(size, true).batch(0, count, seed);
    ShapesBatch clean = new Shapes(size, false).batch(0, count, seed);
    double cheaterCued = accuracy(cheater, cued);
    done.run();
    double cheaterClean = accuracy(cheater, clean);
    done.run();
    double honestCued = accuracy(honest, cued);
    done.run();
    double honestClean = accuracy(honest, clean);
    done.run();

    Tensor images = cued.images().slice(0, 0, explained).to(cheater.dtype());
    Tensor objects = cued.masks().slice(0, 0, explained);
    Tensor cues = cued.cueMasks().slice(0, 0, explained);
    PointingGame pointing = PointingGame.published();
    List<MethodRelevance> out = new ArrayList<>();
    for (SaliencyMethod m : methods) {
      SaliencyMap c = m.explain(ExplainRequest.of(cheater, images).withSeed(seed));
      done.run();
      SaliencyMap h =
          m.explain(ExplainRequest.of(honest, images.to(honest.dtype())).withSeed(seed));
      done.run();
      Tensor rc = RelevanceMass.relevance(c, size, size);
      Tensor rh = RelevanceMass.relevance(h, size, size);
      out.add(
          new MethodRelevance(
              m.id(),
              mean(RelevanceMass.of(rc, cues)),
              mean(RelevanceMass.of(rc, objects)),
              mean(pointing.hits(c.display(), cues)),
              mean(RelevanceMass.of(rh, cues)),
              mean(RelevanceMass.of(rh, objects)),
              mean(pointing.hits(h.display(), cues)),
              c,
              h));
    }
    int[] labels = Arrays.copyOf(cued.labels(), explained);
    return new Result(
        count,
        cheaterCued,
        cheaterClean,
        honestCued,
        honestClean,
        cued.cueMasks().mean().item(),
        images,
        labels,
        out);
  }

  /** The share of {@code batch}'s images whose top-1 class is the label. */
  private static double accuracy(Module model, ShapesBatch batch) {
    int[] labels = batch.labels();
    int correct = 0;
    for (int start = 0; start < labels.length; start += BATCH) {
      int end = Math.min(labels.length, start + BATCH);
      Tensor x = batch.images().slice(0, start, end).to(model.dtype());
      int[] predicted;
      try (Scope _ = GradMode.disabled()) {
        predicted = model.forward(Variable.constant(x)).value().argmax(1);
      }
      for (int i = 0; i < predicted.length; i++) {
        correct += predicted[i] == labels[start + i] ? 1 : 0;
      }
    }
    return (double) correct / labels.length;
  }

  /** The mean of the values that are not NaN (images with an empty mask), or NaN if none. */
  private static double mean(double[] values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
