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
  /** The batch size of the perturbed forward passes unless a method is told otherwise. */
  static final int DEFAULT_BATCH_SIZE = 32;

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

  /** The logits {@code [count, K]} of {@code count} inputs, {@code batchSize} per pass. */
  static Tensor logits(Module model, int count, int batchSize, Inputs inputs) {
    int passes = (count + batchSize - 1) / batchSize;
    Tensor[] parts = new Tensor[passes];
    try (Scope _ = GradMode.disabled()) {
      for (int p = 0; p < passes; p++) {
        int from = p * batchSize;
        int to = Math.min(count, from + batchSize);
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

  /** Checks a method's batch-size option. */
  static int checkBatchSize(String method, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException(method + ": the batch size must be at least 1, got "
          + batchSize);
    }
    return batchSize;
  }
}
