package io.gradlight.tensor.io;

import io.gradlight.tensor.Shape;

/**
 * Reorders column-major (Fortran-order) data to row-major (C order), as numpy does when it reads a
 * {@code .npy} file with {@code fortran_order: True}.
 *
 * <p>For shape {@code (d0, ..., dk-1)}, element {@code (i0, ..., ik-1)} sits at column-major
 * offset {@code sum_j i_j * s_j} with {@code s_0 = 1, s_j = s_(j-1) * d_(j-1)}; the row-major
 * result walks the indices with the last one fastest.
 */
final class FortranOrder {
  private FortranOrder() {}

  static double[] toRowMajor(double[] columnMajor, Shape shape) {
    int[] from = sources(shape);
    double[] out = new double[from.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = columnMajor[from[i]];
    }
    return out;
  }

  static float[] toRowMajor(float[] columnMajor, Shape shape) {
    int[] from = sources(shape);
    float[] out = new float[from.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = columnMajor[from[i]];
    }
    return out;
  }

  static long[] toRowMajor(long[] columnMajor, Shape shape) {
    int[] from = sources(shape);
    long[] out = new long[from.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = columnMajor[from[i]];
    }
    return out;
  }

  /** For each row-major position, the column-major offset of the same element. */
  static int[] sources(Shape shape) {
    int rank = shape.rank();
    int[] dims = shape.dims();
    int[] stride = new int[rank];
    for (int j = 0, s = 1; j < rank; j++) {
      stride[j] = s;
      s *= dims[j];
    }
    int[] from = new int[shape.size()];
    int[] index = new int[rank];
    int offset = 0;
    for (int i = 0; i < from.length; i++) {
      from[i] = offset;
      // Advance the row-major odometer: bump the last axis, carry leftwards.
      for (int j = rank - 1; j >= 0; j--) {
        index[j]++;
        offset += stride[j];
        if (index[j] < dims[j]) {
          break;
        }
        offset -= stride[j] * dims[j];
        index[j] = 0;
      }
    }
    return from;
  }
}
