package io.gradlight.tensor;

import io.gradlight.tensor.kernels.ChannelLayout;
import io.gradlight.tensor.kernels.KernelProvider;
import java.util.Arrays;

/**
 * Reductions over any set of axes. The tensor is first laid out with the kept axes first and the
 * reduced axes last (no copy when they already are last), so that each output element reduces
 * one contiguous run of {@code R = prod(reduced sizes)} elements. Sums and means skip that copy
 * when the kept axes form one block, as BatchNorm's per-channel statistics over axes 0, 2, 3 do
 * (the kernels' {@code sumPerChannel}):
 *
 * <pre>
 *   sum:      y = sum_j x_j                      (Kernels.sum, accumulated in double)
 *   mean:     y = sum_j x_j / R                   (NaN for R = 0)
 *   max, min: y = max_j x_j, min_j x_j            (NaN propagates; R = 0 is an error)
 *   variance: y = sum_j (x_j - mean)^2 / max(0, R - correction)   (two passes, in double)
 * </pre>
 *
 * An empty axes array reduces nothing (as NumPy's {@code axis=()}). With {@code keepDims} the
 * reduced axes stay as size 1, so the result broadcasts against the input.
 */
final class Reductions {
  private Reductions() {}

  /**
   * The reduced axes of one call, normalised: either the layout with them last ({@code runs}, a
   * copy unless they already are last), or, when the kept axes form one block between reduced
   * ones, the input itself read by a {@code layout} (only when asked for: the sums use it).
   */
  private record Plan(Tensor runs, Shape result, int outer, int length, ChannelLayout layout) {}

  private static Plan plan(String op, Tensor x, int[] axes, boolean keepDims) {
    return plan(op, x, axes, keepDims, false);
  }

  private static Plan plan(
      String op, Tensor x, int[] axes, boolean keepDims, boolean layoutIfPossible) {
    Shape shape = x.shape();
    int rank = shape.rank();
    boolean[] reduced = new boolean[rank];
    for (int axis : axes) {
      int a = shape.axis(op, axis);
      if (reduced[a]) {
        throw new IllegalArgumentException(
            op + ": axes " + Arrays.toString(axes) + " name axis " + a + " twice");
      }
      reduced[a] = true;
    }
    int[] order = new int[rank];
    int[] resultDims = new int[rank];
    int[] keptDims = shape.dims();
    int kept = 0;
    int resultRank = 0;
    int outer = 1;
    int length = 1;
    for (int k = 0; k < rank; k++) {
      if (!reduced[k]) {
        order[kept++] = k;
        outer *= shape.dim(k);
        resultDims[resultRank++] = shape.dim(k);
      } else {
        keptDims[k] = 1;
        if (keepDims) {
          resultDims[resultRank++] = 1;
        }
      }
    }
    int next = kept;
    boolean alreadyLast = true;
    for (int k = 0; k < rank; k++) {
      if (reduced[k]) {
        alreadyLast &= k == next;
        order[next++] = k;
        length *= shape.dim(k);
      }
    }
    Shape result = Shape.of(Arrays.copyOf(resultDims, resultRank));
    ChannelLayout layout = layoutIfPossible && !alreadyLast
        ? Broadcasting.channelLayout(Shape.of(keptDims), shape) : null;
    Tensor runs = alreadyLast || layout != null ? x : Views.permute(x, order);
    return new Plan(runs, result, outer, length, layout);
  }

  /** The sum of each output element's values, in double. */
  private static double[] sums(Plan p) {
    double[] sums = new double[p.outer()];
    Tensor x = p.runs();
    if (p.layout() != null) {
      if (x.dtype() == DType.F32) {
        KernelProvider.kernels().sumPerChannel(p.layout(), x.f32(), sums);
      } else {
        KernelProvider.kernels().sumPerChannel(p.layout(), x.f64(), sums);
      }
    } else {
      for (int o = 0; o < p.outer(); o++) {
        sums[o] = runSum(x, o * p.length(), p.length());
      }
    }
    return sums;
  }

  /** The sum of one contiguous run, through the kernels. */
  static double runSum(Tensor t, int off, int n) {
    return t.dtype() == DType.F32
        ? KernelProvider.kernels().sum(t.f32(), off, n)
        : KernelProvider.kernels().sum(t.f64(), off, n);
  }

  static Tensor sum(Tensor x, int[] axes, boolean keepDims) {
    Plan p = plan("sum", x, axes, keepDims, true);
    double[] sums = sums(p);
    Tensor out = Tensor.zeros(x.dtype(), p.result());
    for (int o = 0; o < p.outer(); o++) {
      out.setFlat(o, sums[o]);
    }
    return out;
  }

  static Tensor mean(Tensor x, int[] axes, boolean keepDims) {
    Plan p = plan("mean", x, axes, keepDims, true);
    double[] sums = sums(p);
    Tensor out = Tensor.zeros(x.dtype(), p.result());
    for (int o = 0; o < p.outer(); o++) {
      out.setFlat(o, sums[o] / p.length());
    }
    return out;
  }

  /** The maximum ({@code sign = 1}) or minimum ({@code sign = -1}) over the axes. */
  static Tensor extreme(String op, Tensor x, int[] axes, boolean keepDims, int sign) {
    Plan p = plan(op, x, axes, keepDims);
    requireNonEmpty(op, x, p.length());
    Tensor out = Tensor.zeros(x.dtype(), p.result());
    for (int o = 0; o < p.outer(); o++) {
      int base = o * p.length();
      double best = p.runs().getFlat(base);
      for (int j = 1; j < p.length() && !Double.isNaN(best); j++) {
        double v = p.runs().getFlat(base + j);
        if (Double.isNaN(v) || sign * (v - best) > 0) {
          best = v;
        }
      }
      out.setFlat(o, best);
    }
    return out;
  }

  static Tensor variance(Tensor x, int[] axes, boolean keepDims, int correction) {
    if (correction < 0) {
      throw new IllegalArgumentException("variance: correction must be >= 0, got " + correction);
    }
    Plan p = plan("variance", x, axes, keepDims);
    Tensor out = Tensor.zeros(x.dtype(), p.result());
    int n = p.length();
    for (int o = 0; o < p.outer(); o++) {
      int base = o * n;
      double mean = runSum(p.runs(), base, n) / n;
      double squares = 0;
      for (int j = 0; j < n; j++) {
        double d = p.runs().getFlat(base + j) - mean;
        squares += d * d;
      }
      out.setFlat(o, squares / Math.max(0, n - correction));
    }
    return out;
  }

  /**
   * For each element of the result of reducing {@code axis} (row-major), the index along
   * {@code axis} of the first maximum. NaN counts as larger than any number, as in PyTorch.
   */
  static int[] argmax(Tensor x, int axis) {
    int a = x.shape().axis("argmax", axis);
    Plan p = plan("argmax", x, new int[] {a}, false);
    requireNonEmpty("argmax", x, p.length());
    int[] out = new int[p.outer()];
    for (int o = 0; o < p.outer(); o++) {
      int base = o * p.length();
      int best = 0;
      double bestValue = p.runs().getFlat(base);
      for (int j = 1; j < p.length() && !Double.isNaN(bestValue); j++) {
        double v = p.runs().getFlat(base + j);
        if (Double.isNaN(v) || v > bestValue) {
          best = j;
          bestValue = v;
        }
      }
      out[o] = best;
    }
    return out;
  }

  /** All axes of x, for the whole-tensor reductions. */
  static int[] allAxes(Tensor x) {
    int[] axes = new int[x.rank()];
    for (int k = 0; k < axes.length; k++) {
      axes[k] = k;
    }
    return axes;
  }

  private static void requireNonEmpty(String op, Tensor x, int length) {
    if (length == 0) {
      throw new IllegalArgumentException(
          op + ": cannot reduce over an empty axis of " + x.shape() + " (no identity)");
    }
  }
}
