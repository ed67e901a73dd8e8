package io.gradlight.tensor.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SGEMM with fewer rows than the micro-kernel ({@code m < VectorGemm.MR}): each row of C is a
 * vector-matrix product, such as a linear layer on a batch of one. B is read once, so packing it
 * (as {@link VectorGemm} does, to reuse it across rows) would cost more than the product.
 *
 * <ul>
 *   <li>B stored {@code k x n}: {@code c_i += a_ip b_p} row by row of B, so B streams in order.
 *       Each element of C gets the same FMA chain over p = 0..k-1 as in {@link VectorGemm}.
 *   <li>B stored {@code n x k} (transB): a dot product of two contiguous rows per element of C,
 *       in two vector accumulators whose lanes are then added in a fixed order.
 * </ul>
 *
 * <p>Columns of C are cut into tasks by the sizes alone, so results do not depend on the thread
 * count.
 */
final class VectorGemv {
  private VectorGemv() {}

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = S.length();
  /** Multiply-adds per task. */
  private static final int TASK_WORK = 1 << 16;

  static void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
    int grain = Math.max(2 * LANES, TASK_WORK / Math.max(1, k) / LANES * LANES);
    Parallel.forRange(n, grain, (from, to) -> {
      float[] row = new float[k];
      for (int i = 0; i < m; i++) {
        for (int p = 0; p < k; p++) {
          row[p] = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
        }
        int at = cOff + i * n;
        if (transB) {
          for (int j = from; j < to; j++) {
            float dot = dot(row, b, bOff + j * k, k);
            c[at + j] = accumulate ? c[at + j] + dot : dot;
          }
        } else {
          rowTimesMatrix(row, b, bOff, n, c, at, from, to, accumulate);
        }
      }
    });
  }

  /** {@code c[at + j] (+)= sum_p row[p] b[p][j]} for j in [from, to), one FMA chain each. */
  private static void rowTimesMatrix(float[] row, float[] b, int bOff, int n, float[] c, int at,
      int from, int to, boolean accumulate) {
    if (!accumulate) {
      Arrays.fill(c, at + from, at + to, 0f);
    }
    int vectorEnd = from + S.loopBound(to - from);
    for (int p = 0; p < row.length; p++) {
      FloatVector ap = FloatVector.broadcast(S, row[p]);
      int bRow = bOff + p * n;
      int j = from;
      for (; j < vectorEnd; j += LANES) {
        ap.fma(FloatVector.fromArray(S, b, bRow + j), FloatVector.fromArray(S, c, at + j))
            .intoArray(c, at + j);
      }
      for (; j < to; j++) {
        c[at + j] = Math.fma(row[p], b[bRow + j], c[at + j]);
      }
    }
  }

  /** {@code sum_p x[p] y[yOff + p]}: two vector accumulators, lanes added in index order. */
  private static float dot(float[] x, float[] y, int yOff, int k) {
    int p = 0;
    float sum = 0f;
    if (k > 2 * LANES) {
      FloatVector even = FloatVector.zero(S);
      FloatVector odd = FloatVector.zero(S);
      for (int end = k - 2 * LANES; p <= end; p += 2 * LANES) { // two chains hide FMA latency
        even = FloatVector.fromArray(S, x, p).fma(FloatVector.fromArray(S, y, yOff + p), even);
        odd = FloatVector.fromArray(S, x, p + LANES)
            .fma(FloatVector.fromArray(S, y, yOff + p + LANES), odd);
      }
      for (float lane : even.add(odd).toArray()) {
        sum += lane;
      }
    }
    for (; p < k; p++) {
      sum = Math.fma(x[p], y[yOff + p], sum);
    }
    return sum;
  }
}
