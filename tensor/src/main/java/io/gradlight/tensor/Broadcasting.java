package io.gradlight.tensor;

/**
 * NumPy broadcasting. Two shapes are aligned at their last axes; each pair of sizes must be equal
 * or one of them 1, and the result takes the larger. A missing leading axis counts as size 1.
 * {@link #sumTo} is the adjoint of {@link #broadcastTo}: it sums over the axes that broadcasting
 * repeated, which is exactly the gradient rule of every broadcasting operation.
 */
final class Broadcasting {
  private Broadcasting() {}

  /** The broadcast result shape of {@code a} and {@code b}; the error names {@code op}. */
  static Shape shapes(String op, Shape a, Shape b) {
    int rank = Math.max(a.rank(), b.rank());
    int[] out = new int[rank];
    for (int k = 0; k < rank; k++) {
      int da = dimAligned(a, k, rank);
      int db = dimAligned(b, k, rank);
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException(
            op + ": shapes " + a + " and " + b + " do not broadcast");
      }
      out[k] = da == 1 ? db : da;
    }
    return Shape.of(out);
  }

  /** Size of axis {@code k} of {@code s} when right-aligned to {@code rank} axes (1 if missing). */
  private static int dimAligned(Shape s, int k, int rank) {
    int j = k - (rank - s.rank());
    return j < 0 ? 1 : s.dim(j);
  }

  /**
   * Strides for reading {@code x} as if it had shape {@code target}: x's own strides on matching
   * axes and 0 on the axes it is repeated along. The caller has checked that x broadcasts.
   */
  static int[] strides(Shape x, Shape target) {
    int rank = target.rank();
    int offset = rank - x.rank();
    int[] own = x.strides();
    int[] out = new int[rank];
    for (int k = offset; k < rank; k++) {
      out[k] = x.dim(k - offset) == 1 ? 0 : own[k - offset];
    }
    return out;
  }

  /** True when {@code x} broadcasts to exactly {@code target}. */
  static boolean broadcastsTo(Shape x, Shape target) {
    if (x.rank() > target.rank()) {
      return false;
    }
    int offset = target.rank() - x.rank();
    for (int k = 0; k < x.rank(); k++) {
      if (x.dim(k) != 1 && x.dim(k) != target.dim(k + offset)) {
        return false;
      }
    }
    return true;
  }

  /** {@code x} repeated along its size-1 and missing leading axes to {@code target}. */
  static Tensor broadcastTo(Tensor x, Shape target) {
    if (x.shape().equals(target)) {
      return x;
    }
    if (!broadcastsTo(x.shape(), target)) {
      throw new IllegalArgumentException(
          "broadcastTo: shape " + x.shape() + " does not broadcast to " + target);
    }
    Tensor out = Tensor.zeros(x.dtype(), target);
    Strided.copy(
        x.data(), 0, strides(x.shape(), target), out.data(), 0, target.strides(), target.dims());
    return out;
  }

  /**
   * The elements of x broadcast to {@code shape} (which x is known to broadcast to), in row-major
   * order: x itself when it already has as many elements, since then only size-1 axes differ and
   * the order is the same; else an expanded copy.
   */
  static Tensor expand(Tensor x, Shape shape) {
    return x.size() == shape.size() ? x : broadcastTo(x, shape);
  }

  /**
   * The sum of {@code x} over the axes along which {@code target} would be broadcast to x's
   * shape: {@code <broadcastTo(y, x.shape), x> = <y, sumTo(x, y.shape)>} for every y.
   */
  static Tensor sumTo(Tensor x, Shape target) {
    if (x.shape().equals(target)) {
      return x;
    }
    if (!broadcastsTo(target, x.shape())) {
      throw new IllegalArgumentException(
          "sumTo: shape " + target + " does not broadcast to " + x.shape()
              + ", so " + x.shape() + " cannot be summed to it");
    }
    int offset = x.rank() - target.rank();
    int count = 0;
    int[] axes = new int[x.rank()];
    for (int k = 0; k < x.rank(); k++) {
      if (k < offset || (target.dim(k - offset) == 1 && x.shape().dim(k) != 1)) {
        axes[count++] = k;
      }
    }
    int[] reduced = new int[count];
    System.arraycopy(axes, 0, reduced, 0, count);
    return Reductions.sum(x, reduced, true).reshape(target);
  }
}
