package io.gradlight.nn.train;

import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Tensor;

/**
 * The cross-entropy loss of class logits against integer labels, averaged over the batch, as
 * PyTorch's {@code F.cross_entropy(logits, labels)} with its defaults ({@code reduction='mean'},
 * no weights, no label smoothing).
 *
 * <p>For logits {@code z} of shape {@code [N, K]} and labels {@code y}:
 *
 * <pre>
 *   L = -(1/N) sum_i log softmax(z_i)[y_i]
 *     = (1/N) sum_i (log sum_k exp(z_ik) - z_i,y_i)
 *   dL/dz_ik = (softmax(z_i)_k - [k = y_i]) / N
 * </pre>
 *
 * It is built from differentiable {@link Variable} ops (a stable log-softmax, a product with the
 * constant one-hot matrix scaled by {@code -1/N}, a sum), so its gradient comes from autograd and
 * can itself be differentiated.
 */
public final class CrossEntropy {
  private CrossEntropy() {}

  /** The mean cross-entropy of {@code logits [N, K]} for {@code labels} (N values in [0, K)). */
  public static Variable mean(Variable logits, int[] labels) {
    checkBatch(logits.value(), labels);
    int n = labels.length;
    int k = logits.shape().dim(1);
    double[] weights = new double[n * k];
    for (int i = 0; i < n; i++) {
      weights[i * k + labels[i]] = -1.0 / n;
    }
    Tensor picked = Tensor.of(weights, n, k).to(logits.dtype());
    return logits.logSoftmax(1).mul(Variable.constant(picked)).sum();
  }

  /**
   * Checks that {@code logits} is {@code [N, K]} with {@code N >= 1} and that {@code labels} holds
   * N class indices in {@code [0, K)}.
   */
  static void checkBatch(Tensor logits, int[] labels) {
    if (logits.rank() != 2 || logits.dim(0) != labels.length || labels.length == 0) {
      throw new IllegalArgumentException("expected logits [N, K] for " + labels.length
          + " labels (N >= 1), got " + logits.shape());
    }
    int k = logits.dim(1);
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= k) {
        throw new IllegalArgumentException(
            "label " + labels[i] + " at position " + i + " is out of range: expected 0 to "
                + (k - 1));
      }
    }
  }
}
