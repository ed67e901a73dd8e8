package io.gradlight.tensor;

/**
 * The one layout primitive: copy a strided block of elements. For every index {@code i} of the
 * box {@code dims},
 *
 * <pre>
 *   dst[dstOff + sum_k i[k] dstStrides[k]] = src[srcOff + sum_k i[k] srcStrides[k]]
 * </pre>
 *
 * Permute (permuted source strides), slice (source offset), broadcast (zero source strides), pad
 * and concat (destination offset and strides of the larger output) are all this one loop. The
 * arrays are both {@code float[]} or both {@code double[]}.
 */
final class Strided {
  private Strided() {}

  /** Copies the box; see the class comment. */
  static void copy(
      Object src, int srcOff, int[] srcStrides, Object dst, int dstOff, int[] dstStrides,
      int[] dims) {
    int rank = dims.length;
    for (int d : dims) {
      if (d == 0) {
        return;
      }
    }
    if (rank == 0) {
      System.arraycopy(src, srcOff, dst, dstOff, 1);
      return;
    }
    int inner = dims[rank - 1];
    int srcStep = srcStrides[rank - 1];
    int dstStep = dstStrides[rank - 1];
    int[] index = new int[rank - 1];
    int s = srcOff;
    int t = dstOff;
    while (true) {
      copyRun(src, s, srcStep, dst, t, dstStep, inner);
      // Odometer over the outer axes, keeping the two offsets in step with the index.
      int k = rank - 2;
      while (k >= 0 && ++index[k] == dims[k]) {
        s -= (dims[k] - 1) * srcStrides[k];
        t -= (dims[k] - 1) * dstStrides[k];
        index[k] = 0;
        k--;
      }
      if (k < 0) {
        return;
      }
      s += srcStrides[k];
      t += dstStrides[k];
    }
  }

  /** One innermost run of {@code n} elements. */
  private static void copyRun(
      Object src, int s, int srcStep, Object dst, int t, int dstStep, int n) {
    if (srcStep == 1 && dstStep == 1) {
      System.arraycopy(src, s, dst, t, n); // contiguous on both sides: the common case
    } else if (src instanceof float[] a && dst instanceof float[] b) {
      for (int i = 0; i < n; i++) {
        b[t + i * dstStep] = a[s + i * srcStep];
      }
    } else {
      double[] a = (double[]) src;
      double[] b = (double[]) dst;
      for (int i = 0; i < n; i++) {
        b[t + i * dstStep] = a[s + i * srcStep];
      }
    }
  }
}
