package io.gradlight.tensor;

/**
 * Softmax and log-softmax along one axis, computed stably in double by subtracting the maximum:
 *
 * <pre>
 *   m = max_j x_j
 *   softmax(x)_i    = exp(x_i - m) / sum_j exp(x_j - m)
 *   logSoftmax(x)_i = x_i - m - log(sum_j exp(x_j - m))
 * </pre>
 *
 * so no exponential overflows. The tensor is viewed as {@code [outer, len, inner]} around the
 * axis; each of the {@code outer * inner} lines is independent.
 */
final class Softmax {
  private Softmax() {}

  static Tensor softmax(Tensor x, int axis) {
    return apply(x, axis, false);
  }

  static Tensor logSoftmax(Tensor x, int axis) {
    return apply(x, axis, true);
  }

  private static Tensor apply(Tensor x, int axis, boolean log) {
    int a = x.shape().axis(log ? "logSoftmax" : "softmax", axis);
    int len = x.dim(a);
    int inner = x.shape().strides()[a];
    int outer = len * inner == 0 ? 0 : x.size() / (len * inner);
    double[] v = x.toDoubleArray();
    double[] y = new double[v.length];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * len * inner + i;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < len; j++) {
          max = Math.max(max, v[base + j * inner]);
        }
        // An all -inf line has no finite maximum; shifting by 0 then gives NaN, as PyTorch.
        double shift = max == Double.NEGATIVE_INFINITY ? 0 : max;
        double sum = 0;
        for (int j = 0; j < len; j++) {
          int at = base + j * inner;
          y[at] = Math.exp(v[at] - shift);
          sum += y[at];
        }
        double logSum = Math.log(sum);
        for (int j = 0; j < len; j++) {
          int at = base + j * inner;
          y[at] = log ? v[at] - shift - logSum : y[at] / sum;
        }
      }
    }
    return Tensor.fromDoubles(x.dtype(), x.shape(), y);
  }
}
