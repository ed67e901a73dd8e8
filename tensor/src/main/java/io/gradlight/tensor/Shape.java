package io.gradlight.tensor;

import java.util.Arrays;

/**
 * An immutable tensor shape: the size of each axis, outermost first (row-major, NCHW for images).
 *
 * <p>Rank 0 is a scalar with one element. Sizes of zero are allowed (an empty tensor). The element
 * count must fit in an {@code int}, since a tensor is backed by one Java array.
 */
public final class Shape {
  private final int[] dims;
  private final int size;

  private Shape(int[] dims) {
    long n = 1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] < 0) {
        throw new IllegalArgumentException(
            "shape " + Arrays.toString(dims) + " has a negative size at axis " + i);
      }
      n *= dims[i];
      if (n > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "shape " + Arrays.toString(dims) + " has more than 2^31 - 9 elements");
      }
    }
    this.dims = dims;
    this.size = (int) n;
  }

  /** A shape with the given axis sizes (copied). */
  public static Shape of(int... dims) {
    return new Shape(dims.clone());
  }

  /** The scalar shape {@code []}. */
  public static Shape scalar() {
    return new Shape(new int[0]);
  }

  /** Number of axes. */
  public int rank() {
    return dims.length;
  }

  /** Size of axis {@code axis}; negative axes count from the end. */
  public int dim(int axis) {
    return dims[axis(axis)];
  }

  /** Total number of elements: the product of the sizes (1 for a scalar). */
  public int size() {
    return size;
  }

  /** A copy of the axis sizes. */
  public int[] dims() {
    return dims.clone();
  }

  /** Row-major strides in elements: {@code stride[i] = prod(dims[i+1..])}. */
  public int[] strides() {
    int[] strides = new int[dims.length];
    int s = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      strides[i] = s;
      s *= dims[i];
    }
    return strides;
  }

  /** Normalises a possibly negative axis index, rejecting one outside {@code [-rank, rank)}. */
  public int axis(int axis) {
    int a = axis < 0 ? axis + dims.length : axis;
    if (a < 0 || a >= dims.length) {
      throw new IllegalArgumentException(
          "axis " + axis + " is out of range for shape " + this + " of rank " + dims.length);
    }
    return a;
  }

  /** {@link #axis(int)} with the error message prefixed by the name of the operation. */
  int axis(String op, int axis) {
    try {
      return axis(axis);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(op + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape s && Arrays.equals(dims, s.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** Like {@code [2, 3, 64, 64]}. */
  @Override
  public String toString() {
    return Arrays.toString(dims);
  }
}
