package io.gradlight.tensor;

import java.util.Arrays;

/** Shape-changing operations that move or share elements without arithmetic. */
final class Views {
  private Views() {}

  /**
   * The shape {@code dims} with its one allowed -1 replaced by {@code size / prod(other dims)}.
   * Throws, naming {@code op}, when more than one -1 appears, a size is below -1, or the sizes
   * cannot hold exactly {@code old.size()} elements.
   */
  static Shape inferShape(String op, Shape old, int[] dims) {
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] == -1) {
        if (unknown >= 0) {
          throw new IllegalArgumentException(
              op + ": only one size may be -1, got " + Arrays.toString(dims));
        }
        unknown = i;
      } else if (dims[i] < 0) {
        throw new IllegalArgumentException(
            op + ": sizes must be >= 0 or -1, got " + Arrays.toString(dims));
      } else {
        known *= dims[i];
      }
    }
    int[] out = dims.clone();
    if (unknown >= 0) {
      if (known == 0 || old.size() % known != 0) {
        throw new IllegalArgumentException(
            op + ": cannot reshape " + old + " (" + old.size() + " elements) to "
                + Arrays.toString(dims));
      }
      out[unknown] = (int) (old.size() / known);
    }
    return Shape.of(out);
  }

  /** {@code out[i_0..i_r] = x[...]} with out axis {@code k} being x axis {@code axes[k]}. */
  static Tensor permute(Tensor x, int[] axes) {
    Shape shape = x.shape();
    int rank = shape.rank();
    if (axes.length != rank) {
      throw new IllegalArgumentException(
          "permute: axes " + Arrays.toString(axes) + " must list each of the " + rank
              + " axes of " + shape + " once");
    }
    int[] dims = shape.dims();
    int[] strides = shape.strides();
    int[] outDims = new int[rank];
    int[] srcStrides = new int[rank];
    boolean[] seen = new boolean[rank];
    for (int k = 0; k < rank; k++) {
      int a = axes[k] < 0 ? axes[k] + rank : axes[k];
      if (a < 0 || a >= rank || seen[a]) {
        throw new IllegalArgumentException(
            "permute: axes " + Arrays.toString(axes) + " must list each of the " + rank
                + " axes of " + shape + " once");
      }
      seen[a] = true;
      outDims[k] = dims[a];
      srcStrides[k] = strides[a];
    }
    Tensor out = Tensor.zeros(x.dtype(), Shape.of(outDims));
    Strided.copy(x.data(), 0, srcStrides, out.data(), 0, out.shape().strides(), outDims);
    return out;
  }

  /** Swaps two axes. */
  static Tensor transpose(Tensor x, int a, int b) {
    int[] axes = new int[x.rank()];
    for (int k = 0; k < axes.length; k++) {
      axes[k] = k;
    }
    int ia = x.shape().axis("transpose", a);
    int ib = x.shape().axis("transpose", b);
    axes[ia] = ib;
    axes[ib] = ia;
    return permute(x, axes);
  }

  /** The elements with index in {@code [start, end)} along {@code axis}. */
  static Tensor slice(Tensor x, int axis, int start, int end) {
    int a = x.shape().axis("slice", axis);
    int d = x.shape().dim(a);
    if (start < 0 || start > end || end > d) {
      throw new IllegalArgumentException(
          "slice: range [" + start + ", " + end + ") is not within [0, " + d + "] on axis " + axis
              + " of " + x.shape());
    }
    int[] outDims = x.shape().dims();
    outDims[a] = end - start;
    int[] strides = x.shape().strides();
    Tensor out = Tensor.zeros(x.dtype(), Shape.of(outDims));
    Strided.copy(
        x.data(), start * strides[a], strides, out.data(), 0, out.shape().strides(), outDims);
    return out;
  }

  /** Joins tensors along {@code axis}; all other axis sizes and the dtypes must match. */
  static Tensor concat(int axis, Tensor... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("concat: needs at least one tensor");
    }
    Tensor first = parts[0];
    int a = first.shape().axis("concat", axis);
    int[] outDims = first.shape().dims();
    outDims[a] = 0;
    for (Tensor p : parts) {
      Tensor.requireSameDType("concat", first, p);
      int[] dims = p.shape().dims();
      boolean fits = dims.length == outDims.length;
      for (int k = 0; fits && k < dims.length; k++) {
        fits = k == a || dims[k] == outDims[k];
      }
      if (!fits) {
        throw new IllegalArgumentException(
            "concat: shapes " + first.shape() + " and " + p.shape()
                + " differ outside axis " + axis);
      }
      outDims[a] += dims[a];
    }
    Tensor out = Tensor.zeros(first.dtype(), Shape.of(outDims));
    int[] outStrides = out.shape().strides();
    int offset = 0;
    for (Tensor p : parts) {
      Strided.copy(
          p.data(), 0, p.shape().strides(), out.data(), offset, outStrides, p.shape().dims());
      offset += p.shape().dim(a) * outStrides[a];
    }
    return out;
  }

  /** Surrounds x with {@code before[k]} and {@code after[k]} copies of {@code value} on axis k. */
  static Tensor pad(Tensor x, int[] before, int[] after, double value) {
    int rank = x.rank();
    if (before.length != rank || after.length != rank) {
      throw new IllegalArgumentException(
          "pad: before " + Arrays.toString(before) + " and after " + Arrays.toString(after)
              + " need one entry per axis of " + x.shape());
    }
    int[] outDims = x.shape().dims();
    for (int k = 0; k < rank; k++) {
      if (before[k] < 0 || after[k] < 0) {
        throw new IllegalArgumentException(
            "pad: amounts must be >= 0, got before " + Arrays.toString(before) + " and after "
                + Arrays.toString(after));
      }
      outDims[k] += before[k] + after[k];
    }
    Tensor out = Tensor.full(x.dtype(), Shape.of(outDims), value);
    int[] outStrides = out.shape().strides();
    int offset = 0;
    for (int k = 0; k < rank; k++) {
      offset += before[k] * outStrides[k];
    }
    Strided.copy(
        x.data(), 0, x.shape().strides(), out.data(), offset, outStrides, x.shape().dims());
    return out;
  }

  /** A new axis of size 1 at position {@code axis} of the result ({@code -1} appends). */
  static Tensor unsqueeze(Tensor x, int axis) {
    int rank = x.rank();
    int a = axis < 0 ? axis + rank + 1 : axis;
    if (a < 0 || a > rank) {
      throw new IllegalArgumentException(
          "unsqueeze: axis " + axis + " is out of range [" + (-rank - 1) + ", " + rank
              + "] for shape " + x.shape());
    }
    int[] dims = x.shape().dims();
    int[] out = new int[rank + 1];
    System.arraycopy(dims, 0, out, 0, a);
    out[a] = 1;
    System.arraycopy(dims, a, out, a + 1, rank - a);
    return x.reshape(Shape.of(out));
  }

  /** Removes axis {@code axis}, which must have size 1. */
  static Tensor squeeze(Tensor x, int axis) {
    int a = x.shape().axis("squeeze", axis);
    if (x.shape().dim(a) != 1) {
      throw new IllegalArgumentException(
          "squeeze: axis " + axis + " of " + x.shape() + " has size " + x.shape().dim(a)
              + ", not 1");
    }
    int[] dims = x.shape().dims();
    int[] out = new int[dims.length - 1];
    System.arraycopy(dims, 0, out, 0, a);
    System.arraycopy(dims, a + 1, out, a, out.length - a);
    return x.reshape(Shape.of(out));
  }
}
