package io.gradlight.tensor;

import io.gradlight.tensor.kernels.KernelProvider;
import io.gradlight.tensor.kernels.Kernels;
import java.util.Arrays;

/**
 * Matrix products as NumPy's {@code matmul}:
 *
 * <pre>
 *   C[..., i, j] = sum_p op(A)[..., i, p] op(B)[..., p, j]
 * </pre>
 *
 * where {@code op} transposes the last two axes when asked (no copy: the kernel reads the stored
 * matrix transposed), and the batch axes {@code ...} broadcast. A 1-D left operand {@code [k]}
 * acts as {@code [1, k]} and a 1-D right operand as {@code [k, 1]}, and the added axis is removed
 * from the result. Each batch entry is one {@code Kernels.gemm} call.
 */
public final class MatMul {
  private MatMul() {}

  /** {@code a @ b}. */
  public static Tensor matmul(Tensor a, Tensor b) {
    return matmul(a, b, false, false);
  }

  /**
   * {@code op(a) @ op(b)} where {@code op} swaps the last two axes when its flag is set: the
   * gradients {@code gy @ B^T} and {@code A^T @ gy} without copying a transpose.
   */
  public static Tensor matmul(Tensor a, Tensor b, boolean transA, boolean transB) {
    Tensor.requireSameDType("matmul", a, b);
    if (a.rank() == 0 || b.rank() == 0) {
      throw new IllegalArgumentException(
          "matmul: operands need rank >= 1, got shapes " + a.shape() + " and " + b.shape());
    }
    if ((a.rank() == 1 && transA) || (b.rank() == 1 && transB)) {
      throw new IllegalArgumentException("matmul: a 1-D operand cannot be transposed");
    }
    Tensor a2 = a.rank() == 1 ? a.reshape(1, a.dim(0)) : a;
    Tensor b2 = b.rank() == 1 ? b.reshape(b.dim(0), 1) : b;
    int m = a2.dim(transA ? -1 : -2);
    int k = a2.dim(transA ? -2 : -1);
    int kb = b2.dim(transB ? -1 : -2);
    int n = b2.dim(transB ? -2 : -1);
    if (k != kb) {
      throw new IllegalArgumentException(
          "matmul: shapes " + a.shape() + (transA ? "^T" : "") + " and " + b.shape()
              + (transB ? "^T" : "") + " do not match: inner sizes " + k + " and " + kb);
    }
    Shape aBatch = batchShape(a2);
    Shape bBatch = batchShape(b2);
    Shape batch = Broadcasting.shapes("matmul", aBatch, bBatch);
    Tensor out = Tensor.zeros(a.dtype(), resultShape(a, b, batch, m, n));
    if (m > 0 && n > 0 && k > 0) {
      int[] aStrides = Broadcasting.strides(aBatch, batch);
      int[] bStrides = Broadcasting.strides(bBatch, batch);
      int[] batchDims = batch.dims();
      for (int t = 0; t < batch.size(); t++) {
        int aIndex = 0;
        int bIndex = 0;
        for (int d = batchDims.length - 1, rest = t; d >= 0; d--) {
          int i = rest % batchDims[d];
          rest /= batchDims[d];
          aIndex += i * aStrides[d];
          bIndex += i * bStrides[d];
        }
        gemm(transA, transB, m, n, k, a2, aIndex * m * k, b2, bIndex * k * n, out, t * m * n);
      }
    }
    return out;
  }

  private static Shape batchShape(Tensor t) {
    int[] dims = t.shape().dims();
    return Shape.of(Arrays.copyOf(dims, dims.length - 2));
  }

  private static Shape resultShape(Tensor a, Tensor b, Shape batch, int m, int n) {
    int[] bd = batch.dims();
    int extra = (a.rank() == 1 ? 0 : 1) + (b.rank() == 1 ? 0 : 1);
    int[] dims = Arrays.copyOf(bd, bd.length + extra);
    int at = bd.length;
    if (a.rank() > 1) {
      dims[at++] = m;
    }
    if (b.rank() > 1) {
      dims[at] = n;
    }
    return Shape.of(dims);
  }

  private static void gemm(boolean transA, boolean transB, int m, int n, int k,
      Tensor a, int aOff, Tensor b, int bOff, Tensor c, int cOff) {
    Kernels kernels = KernelProvider.kernels();
    if (a.dtype() == DType.F32) {
      kernels.gemm(transA, transB, m, n, k, a.f32(), aOff, b.f32(), bOff, c.f32(), cOff, false);
    } else {
      kernels.gemm(transA, transB, m, n, k, a.f64(), aOff, b.f64(), bOff, c.f64(), cOff, false);
    }
  }
}
