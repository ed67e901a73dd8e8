package io.gradlight.saliency.manipulation;

import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.saliency.Score;
import io.gradlight.saliency.Targets;
import io.gradlight.saliency.sanity.Ssim;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the original and the {@link ManipulatedNet} side by side on a batch: compares their logits,
 * then explains every image with each method on both networks, for the same classes (the original's
 * top-1) and at the same layer ({@link ManipulatedNet#TARGET_LAYER}), and measures how close each
 * display map is to the target picture as a perfectly fooled Grad-CAM would show it ({@link
 * TargetPicture#display}).
 *
 * <p>Distances, per image then averaged: the mean absolute difference of two display maps in [0, 1]
 * (Viering et al. report this L1 distance on max-normalised maps), and SSIM ({@link Ssim}, 7 x 7
 * window; 1 means identical).
 */
public final class ManipulationExperiment {
  private ManipulationExperiment() {}

  /**
   * Compares {@code original} and {@code lie} on {@code images} ({@code [N, 3, H, W]} in the
   * networks' dtype) for each of {@code methods}, with seed {@code seed} for stochastic methods.
   */
  public static ManipulationReport run(
      Module original,
      ManipulatedNet lie,
      Tensor images,
      List<SaliencyMethod> methods,
      long seed,
      Runnable methodDone) {
    Tensor before = logits(original, images);
    Tensor after = logits(lie, images);
    int[] classes = before.argmax(1);
    boolean same = Arrays.equals(classes, after.argmax(1));
    double diff = after.sub(before).abs().maxValue();
    double scale = before.abs().maxValue();

    int height = images.dim(2);
    int width = images.dim(3);
    double[] target = lie.picture().display(height, width).toDoubleArray();
    ExplainRequest request =
        new ExplainRequest(
            original, images, Targets.of(classes), Score.LOGIT, ManipulatedNet.TARGET_LAYER, seed);
    List<ManipulationReport.Outcome> outcomes = new ArrayList<>();
    for (SaliencyMethod m : methods) {
      SaliencyMap honest = m.explain(request);
      SaliencyMap lied =
          m.explain(
              new ExplainRequest(
                  lie,
                  images,
                  Targets.of(classes),
                  Score.LOGIT,
                  ManipulatedNet.TARGET_LAYER,
                  seed));
      outcomes.add(
          new ManipulationReport.Outcome(
              m.id(),
              honest,
              lied,
              meanL1(honest.display(), target),
              meanL1(lied.display(), target),
              meanSsim(honest.display(), target),
              meanSsim(lied.display(), target),
              meanL1(honest.display(), lied.display().toDoubleArray())));
      methodDone.run();
    }
    return new ManipulationReport(diff, scale, same, classes, outcomes);
  }

  private static Tensor logits(Module net, Tensor images) {
    try (Scope _ = GradMode.disabled()) {
      return net.forward(Variable.constant(images)).value();
    }
  }

  /**
   * The mean over images of the mean absolute difference between display maps {@code [N, H, W]} and
   * {@code other}: one {@code [H, W]} map (read cyclically) or one per image.
   */
  private static double meanL1(Tensor maps, double[] other) {
    double[] m = maps.toDoubleArray();
    double sum = 0;
    for (int at = 0; at < m.length; at++) {
      sum += Math.abs(m[at] - other[at % other.length]);
    }
    return sum / m.length;
  }

  private static double meanSsim(Tensor maps, double[] target) {
    int n = maps.dim(0);
    int h = maps.dim(1);
    int w = maps.dim(2);
    double[] m = maps.toDoubleArray();
    Ssim ssim = new Ssim();
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += ssim.of(Arrays.copyOfRange(m, i * h * w, (i + 1) * h * w), target, h, w);
    }
    return sum / n;
  }
}
