package io.gradlight.saliency.perturbation;

import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.LayerForward;
import io.gradlight.saliency.Score;
import io.gradlight.tensor.Tensor;

/**
 * The forward passes of the perturbation methods, all without recording a graph: the clean pass
 * of a request, and many perturbed inputs built and run {@code batchSize} at a time (so no more
 * than one batch of perturbed inputs is in memory), their logits collected in order. Every pass
 * runs on the calling thread; the kernels' own parallelism does not change results, so the maps
 * are the same on any thread count.
 */
final class ForwardBatches {
  /**
   * The batch size of the perturbed forward passes unless a method is told otherwise, and the
   * most inputs an {@link #AUTOMATIC} pass takes.
   */
  static final int DEFAULT_BATCH_SIZE = 32;

  /**
   * The batch size of the default Score-CAM, RISE, occlusion and Ablation-CAM: {@link
   * #DEFAULT_BATCH_SIZE} perturbed images per pass, or fewer when they are large, so that a
   * pass's input holds at most {@link #PASS_FLOATS} floats (see {@link #perPass}).
   *
   * <p>Why: at 32 images of 3 x 224 x 224 every early ResNet-18 activation of a pass takes 100 MB.
   * Score-CAM on ResNet-18 then kept a heap of 4-5 GB and spent 15 s of a 100 s run collecting
   * (under the launcher's {@code -XX:GCTimeRatio=19}); at 8 images, 2 GB and 3.4 s.
   */
  static final int AUTOMATIC = 0;

  /** The input floats of an {@link #AUTOMATIC} pass: eight 3 x 224 x 224 images. */
  static final int PASS_FLOATS = 8 * 3 * 224 * 224;

  private ForwardBatches() {}

  /** Builds the perturbed inputs of a range of items. */
  @FunctionalInterface
  interface Inputs {
    /**
     * The inputs {@code [to - from, C, H, W]} of items {@code from} to {@code to - 1}. Called
     * right before their forward pass, on the same thread, so it may register forward hooks for
     * that pass.
     */
    Tensor build(int from, int to);
  }

  /** The request's own forward pass at {@code layer} (null for none), without a graph. */
  static LayerForward clean(ExplainRequest r, String layer) {
    try (Scope _ = GradMode.disabled()) {
      return LayerForward.run(r, r.input(), layer, false);
    }
  }

  /**
   * The logits {@code [count, K]} of {@code count} perturbed copies of images of {@code x},
   * {@link #perPass perPass(batchSize, x)} per pass.
   */
  static Tensor logits(Module model, int count, int batchSize, Tensor x, Inputs inputs) {
    int perPass = perPass(batchSize, x);
    int passes = (count + perPass - 1) / perPass;
    Tensor[] parts = new Tensor[passes];
    try (Scope _ = GradMode.disabled()) {
      for (int p = 0; p < passes; p++) {
        int from = p * perPass;
        int to = Math.min(count, from + perPass);
        parts[p] = model.forward(Variable.constant(inputs.build(from, to))).value();
      }
    }
    return Tensor.concat(0, parts);
  }

  /** {@code score(logits)[j, classes[j]]} for every row j, as doubles. */
  static double[] scores(Tensor logits, int[] classes, Score score) {
    try (Scope _ = GradMode.disabled()) {
      return score.apply(Variable.constant(logits), classes).value().toDoubleArray();
    }
  }

  /** Checks a method's batch-size option: at least 1, or {@link #AUTOMATIC}. */
  static int checkBatchSize(String method, int batchSize) {
    if (batchSize < 1 && batchSize != AUTOMATIC) {
      throw new IllegalArgumentException(method + ": the batch size must be at least 1 (or 0"
          + " for automatic), got " + batchSize);
    }
    return batchSize;
  }

  /**
   * The images per pass for perturbed copies of the images of {@code x}: {@code batchSize}, or for
   * {@link #AUTOMATIC} as many as fit {@link #PASS_FLOATS}, from 1 to {@link #DEFAULT_BATCH_SIZE}
   * (8 at 3 x 224 x 224, 32 at 3 x 64 x 64). The batch size never changes a result.
   */
  static int perPass(int batchSize, Tensor x) {
    if (batchSize != AUTOMATIC) {
      return batchSize;
    }
    long image = Math.max(1, x.size() / Math.max(1, x.dim(0)));
    return Math.clamp(PASS_FLOATS / image, 1, DEFAULT_BATCH_SIZE);
  }
}
