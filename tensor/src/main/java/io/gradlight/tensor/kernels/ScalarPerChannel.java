package io.gradlight.tensor.kernels;

/**
 * The reference per-channel loops of {@link ScalarKernels}, over an array laid out as
 * {@link ChannelLayout} {@code [outer, C, I]}. The elementwise loops write each row of {@code I}
 * elements with its channel's values; the reductions add, per channel and in double, the terms of
 * the channel's elements in array order ({@code o}, then {@code r}):
 *
 * <pre>
 *   sum:                 sums[c] = sum x
 *   dot:                 sums[c] = sum a b
 *   squared deviations:  sums[c] = sum (x - mean[c])^2
 * </pre>
 *
 * Each task owns whole rows or whole channels, so results do not depend on the thread count.
 */
final class ScalarPerChannel {
  private ScalarPerChannel() {}

  /** Elements per task: enough work to outweigh a task's cost. */
  private static final int GRAIN = 1 << 16;

  /** One term of a per-channel sum: of element {@code i}, which belongs to channel {@code c}. */
  @FunctionalInterface
  interface Term {
    double at(int i, int c);
  }

  /** Rows of {@code rowLength} elements per task: about {@link #GRAIN} elements. */
  static int rowsPerTask(long rowLength) {
    return (int) Math.max(1, GRAIN / Math.max(1, rowLength));
  }

  static void binary(BinaryOp op, ChannelLayout l, float[] a, float[] perChannel, float[] y) {
    int inner = l.inner();
    Parallel.forRange(l.rows(), rowsPerTask(inner), (from, to) -> {
      for (int row = from; row < to; row++) {
        double s = perChannel[row % l.channels()];
        for (int i = row * inner; i < (row + 1) * inner; i++) {
          y[i] = (float) op.apply(a[i], s);
        }
      }
    });
  }

  static void binary(BinaryOp op, ChannelLayout l, double[] a, double[] perChannel, double[] y) {
    int inner = l.inner();
    Parallel.forRange(l.rows(), rowsPerTask(inner), (from, to) -> {
      for (int row = from; row < to; row++) {
        double s = perChannel[row % l.channels()];
        for (int i = row * inner; i < (row + 1) * inner; i++) {
          y[i] = op.apply(a[i], s);
        }
      }
    });
  }

  static void affine(ChannelLayout l, float[] x, float[] scale, float[] shift, float[] y) {
    int inner = l.inner();
    Parallel.forRange(l.rows(), rowsPerTask(inner), (from, to) -> {
      for (int row = from; row < to; row++) {
        float s = scale[row % l.channels()];
        float b = shift[row % l.channels()];
        for (int i = row * inner; i < (row + 1) * inner; i++) {
          y[i] = x[i] * s + b; // two float roundings: Java never fuses them
        }
      }
    });
  }

  static void affine(ChannelLayout l, double[] x, double[] scale, double[] shift, double[] y) {
    int inner = l.inner();
    Parallel.forRange(l.rows(), rowsPerTask(inner), (from, to) -> {
      for (int row = from; row < to; row++) {
        double s = scale[row % l.channels()];
        double b = shift[row % l.channels()];
        for (int i = row * inner; i < (row + 1) * inner; i++) {
          y[i] = x[i] * s + b;
        }
      }
    });
  }

  /** {@code sums[c] = sum of term(i, c)} over channel c's elements i, in array order. */
  static void reduce(ChannelLayout l, double[] sums, Term term) {
    int inner = l.inner();
    Parallel.forRange(l.channels(), rowsPerTask((long) l.outer() * inner), (from, to) -> {
      for (int c = from; c < to; c++) {
        double s = 0.0;
        for (int o = 0; o < l.outer(); o++) {
          int start = (o * l.channels() + c) * inner;
          for (int i = start; i < start + inner; i++) {
            s += term.at(i, c);
          }
        }
        sums[c] = s;
      }
    });
  }
}
