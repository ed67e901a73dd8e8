package io.gradlight.tensor;

import io.gradlight.tensor.kernels.ChannelLayout;
import java.util.Arrays;

/**
 * NumPy broadcasting. Two shapes are aligned at their last axes; each pair of sizes must be equal
 * or one of them 1, and the result takes the larger. A missing leading axis counts as size 1.
 * {@link #sumTo} is the adjoint of {@link #broadcastTo}: it sums over the axes that broadcasting
 * repeated, which is exactly the gradient rule of every broadcasting operation.
 *
 * <p>The common case of a small operand that varies along one block of axes only (BatchNorm's
 * {@code [1, C, 1, 1]} against {@code [N, C, H, W]}, a bias {@code [K]} against {@code [N, K]}) has
 * a {@link #channelLayout}: the kernels then read the small operand per channel instead of
 * expanding it, and {@link #broadcastTo} fills runs instead of copying element by element.
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

  /**
   * The layout {@code [outer, channels, inner]} of {@code target} in which element {@code i} of
   * {@code small} broadcast to {@code target} is {@code small[(i / inner) % channels]}: when the
   * axes of {@code target} that small is not repeated along form one block (axes of size 1 aside).
   * Null when they do not, when small is one value or has all of target's elements, or when
   * target is empty. The caller has checked that small broadcasts to target.
   */
  static ChannelLayout channelLayout(Shape small, Shape target) {
    if (small.size() <= 1 || small.size() == target.size() || target.size() == 0) {
      return null;
    }
    int offset = target.rank() - small.rank();
    int[] sizes = {1, 1, 1}; // outer, channels, inner
    int part = 0;
    for (int k = 0; k < target.rank(); k++) {
      int t = target.dim(k);
      if (t == 1) {
        continue;
      }
      boolean own = k >= offset && small.dim(k - offset) == t;
      if (own && part == 2) {
        return null; // a repeated axis between two own axes
      }
      if (own != (part == 1)) {
        part++;
      }
      sizes[part] *= t;
    }
    return new ChannelLayout(sizes[0], sizes[1], sizes[2]);
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
    ChannelLayout l = channelLayout(x.shape(), target);
    if (l != null) {
      fillRows(x, l, out);
    } else {
      Strided.copy(
          x.data(), 0, strides(x.shape(), target), out.data(), 0, target.strides(), target.dims());
    }
    return out;
  }

  /** Writes {@code x} broadcast by layout {@code l} into {@code out}: runs, not single elements. */
  private static void fillRows(Tensor x, ChannelLayout l, Tensor out) {
    int inner = l.inner();
    int channels = l.channels();
    if (inner == 1) { // each outer index is a copy of all of x
      for (int o = 0; o < l.outer(); o++) {
        System.arraycopy(x.data(), 0, out.data(), o * channels, channels);
      }
    } else if (x.dtype() == DType.F32) {
      for (int row = 0; row < l.rows(); row++) {
        Arrays.fill(out.f32(), row * inner, (row + 1) * inner, x.f32()[row % channels]);
      }
    } else {
      for (int row = 0; row < l.rows(); row++) {
        Arrays.fill(out.f64(), row * inner, (row + 1) * inner, x.f64()[row % channels]);
      }
    }
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
