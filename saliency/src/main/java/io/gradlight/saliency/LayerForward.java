package io.gradlight.saliency;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Capture;
import io.gradlight.tensor.Tensor;

/**
 * One forward pass of a request's batch that records the target layer's activation {@code A} in
 * the graph, resolves the targets and computes the per-image scores, ready for
 * {@code Autograd.grad(scores.sum(), A)} (images do not interact, so that one backward gives each
 * image its own gradient).
 *
 * @param input the input as a leaf (requiring grad when asked)
 * @param logits {@code [N, K]}
 * @param activation {@code A}, {@code [N, K', h, w]}, or null when no layer was asked for
 * @param classes the class explained per image
 * @param scores {@code [N]}, the score function of the logits at the classes
 */
public record LayerForward(
    Variable input, Variable logits, Variable activation, int[] classes, Variable scores) {

  /** Runs the model on {@code x} recording {@code layer} (null for none). */
  public static LayerForward run(ExplainRequest r, Tensor x, String layer, boolean inputRequiresGrad) {
    Variable in = Variable.of(x, inputRequiresGrad);
    Variable logits;
    Variable a = null;
    if (layer == null) {
      logits = r.model().forward(in);
    } else {
      try (Capture capture = r.model().capture(layer)) {
        logits = r.model().forward(in);
        a = capture.output();
      }
    }
    if (logits.rank() != 2) {
      throw new IllegalArgumentException("explain: the model must output logits [N, classes], got "
          + logits.shape());
    }
    int[] classes = r.targets().resolve(logits.value());
    return new LayerForward(in, logits, a, classes, r.score().apply(logits, classes));
  }

  /** The forward pass of the request's own input at its target layer. */
  public static LayerForward run(ExplainRequest r, boolean inputRequiresGrad) {
    return run(r, r.input(), r.layerOrDefault(), inputRequiresGrad);
  }
}
