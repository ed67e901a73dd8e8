package io.gradlight.saliency.perturbation;

import io.gradlight.tensor.Tensor;

/**
 * The channel planes of a layer's activations {@code A [N, K, h, w]} held as one double array
 * (plane {@code (i, k)} starts at {@code (i K + k) h w}), and the CAM combination
 * {@code sum_k w_ik A_ik} of the methods that weight them.
 */
final class ChannelMaps {
  private ChannelMaps() {}

  /** Whether the {@code size} values from {@code offset} are all equal to {@code value}. */
  static boolean allEqual(double[] values, int offset, int size, double value) {
    for (int p = offset; p < offset + size; p++) {
      if (values[p] != value) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code raw[i] = sum_k weights[i K + k] A[i, k]}: {@code [N, h, w]} in the activations' dtype,
   * the weights rounded to it first (as a framework computing in that dtype would).
   */
  static Tensor combine(Tensor activations, double[] weights) {
    int n = activations.dim(0);
    int k = activations.dim(1);
    if (weights.length != n * k) {
      throw new IllegalArgumentException("combine: " + weights.length + " weights for " + n
          + " images of " + k + " channels");
    }
    Tensor w = Tensor.of(weights, n, k, 1, 1).to(activations.dtype());
    return activations.mul(w).sum(new int[] {1}, false);
  }
}
