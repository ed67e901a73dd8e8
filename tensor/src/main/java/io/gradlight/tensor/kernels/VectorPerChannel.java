package io.gradlight.tensor.kernels;

import java.util.function.IntConsumer;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The F32 per-channel kernels on the Vector API, over {@link ChannelLayout} {@code [outer, C, I]}:
 * BatchNorm's broadcasts and statistics without expanding or permuting anything.
 *
 * <p>The elementwise kernels run row by row ({@code I} elements of one channel), each row with
 * {@link VectorElementwise}'s loops and the channel's values broadcast; they give the reference's
 * bits. The reductions run channel by channel, in parallel over channels; each row is summed in
 * double vectors (two accumulators, their lanes added in index order, then the scalar tail) and
 * the row sums added in {@code o} order: a fixed order, a function of the sizes only.
 */
final class VectorPerChannel {
  private VectorPerChannel() {}

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  private static final int LANES = S.length();
  /** Floats that widen to exactly one double vector: half the width of {@link #S}. */
  private static final VectorSpecies<Float> H =
      VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));

  /**
   * Each row with its channel's value; with {@code inner = 1} each outer index is instead one
   * elementwise run against the whole per-channel array (a bias row). The vectors are
   * {@link VectorElementwise}'s loops, the tails the reference definition.
   */
  static void binary(BinaryOp op, ChannelLayout l, float[] a, float[] perChannel, float[] y) {
    int inner = l.inner();
    int channels = l.channels();
    if (inner == 1) {
      Parallel.forRange(l.outer(), ScalarPerChannel.rowsPerTask(channels), (from, to) -> {
        for (int o = from; o < to; o++) {
          int at = o * channels;
          int c = VectorElementwise.binaryVectors(op, a, at, perChannel, 0, y, at, 0, channels);
          for (; c < channels; c++) {
            y[at + c] = (float) op.apply(a[at + c], perChannel[c]);
          }
        }
      });
    } else {
      Parallel.forRange(l.rows(), ScalarPerChannel.rowsPerTask(inner), (from, to) -> {
        for (int row = from; row < to; row++) {
          int at = row * inner;
          float s = perChannel[row % channels];
          int i = VectorElementwise.binaryScalarVectors(op, a, at, s, y, at, 0, inner);
          for (; i < inner; i++) {
            y[at + i] = (float) op.apply(a[at + i], s);
          }
        }
      });
    }
  }

  /** A multiply then an add per element, each rounded, as the reference: never a fused FMA. */
  static void affine(ChannelLayout l, float[] x, float[] scale, float[] shift, float[] y) {
    int inner = l.inner();
    int channels = l.channels();
    Parallel.forRange(l.rows(), ScalarPerChannel.rowsPerTask(inner), (from, to) -> {
      for (int row = from; row < to; row++) {
        float s = scale[row % channels];
        float b = shift[row % channels];
        int start = row * inner;
        int i = 0;
        if (inner > 2 * LANES) {
          FloatVector sv = FloatVector.broadcast(S, s);
          FloatVector bv = FloatVector.broadcast(S, b);
          for (int end = S.loopBound(inner); i < end; i += LANES) {
            FloatVector.fromArray(S, x, start + i).mul(sv).add(bv).intoArray(y, start + i);
          }
        }
        for (; i < inner; i++) {
          y[start + i] = x[start + i] * s + b;
        }
      }
    });
  }

  static void sum(ChannelLayout l, float[] x, double[] sums) {
    forEachChannel(l, c -> {
      double s = 0.0;
      for (int o = 0; o < l.outer(); o++) {
        s += VectorElementwise.sumRun(x, (o * l.channels() + c) * l.inner(), l.inner());
      }
      sums[c] = s;
    });
  }

  static void dot(ChannelLayout l, float[] a, float[] b, double[] sums) {
    forEachChannel(l, c -> {
      double s = 0.0;
      for (int o = 0; o < l.outer(); o++) {
        s += dotRun(a, b, (o * l.channels() + c) * l.inner(), l.inner());
      }
      sums[c] = s;
    });
  }

  static void squaredDeviations(ChannelLayout l, float[] x, double[] means, double[] sums) {
    forEachChannel(l, c -> {
      double s = 0.0;
      for (int o = 0; o < l.outer(); o++) {
        s += squaredDeviationsRun(x, means[c], (o * l.channels() + c) * l.inner(), l.inner());
      }
      sums[c] = s;
    });
  }

  /** Runs {@code channel} for each channel, about 2^16 elements per task. */
  private static void forEachChannel(ChannelLayout l, IntConsumer channel) {
    Parallel.forRange(l.channels(), ScalarPerChannel.rowsPerTask((long) l.outer() * l.inner()),
        (from, to) -> {
          for (int c = from; c < to; c++) {
            channel.accept(c);
          }
        });
  }

  /** {@code sum a[off+i] b[off+i]} for {@code i < n}: products exact in double, FMA-added. */
  private static double dotRun(float[] a, float[] b, int off, int n) {
    int i = 0;
    double s = 0.0;
    if (n > 2 * LANES) {
      DoubleVector s0 = DoubleVector.zero(D);
      DoubleVector s1 = s0;
      int w = H.length();
      for (int end = n - n % (2 * w); i < end; i += 2 * w) {
        DoubleVector a0 = (DoubleVector) FloatVector.fromArray(H, a, off + i)
            .convertShape(VectorOperators.F2D, D, 0);
        DoubleVector a1 = (DoubleVector) FloatVector.fromArray(H, a, off + i + w)
            .convertShape(VectorOperators.F2D, D, 0);
        s0 = a0.fma(FloatVector.fromArray(H, b, off + i).convertShape(VectorOperators.F2D, D, 0),
            s0);
        s1 = a1.fma(
            FloatVector.fromArray(H, b, off + i + w).convertShape(VectorOperators.F2D, D, 0), s1);
      }
      for (double lane : s0.add(s1).toArray()) {
        s += lane;
      }
    }
    for (; i < n; i++) {
      s += (double) a[off + i] * b[off + i];
    }
    return s;
  }

  /** {@code sum (x[off+i] - mean)^2} for {@code i < n}, in double. */
  private static double squaredDeviationsRun(float[] x, double mean, int off, int n) {
    int i = 0;
    double s = 0.0;
    if (n > 2 * LANES) {
      DoubleVector m = DoubleVector.broadcast(D, mean);
      DoubleVector s0 = DoubleVector.zero(D);
      DoubleVector s1 = s0;
      int w = H.length();
      for (int end = n - n % (2 * w); i < end; i += 2 * w) {
        DoubleVector d0 = (DoubleVector) FloatVector.fromArray(H, x, off + i)
            .convertShape(VectorOperators.F2D, D, 0);
        DoubleVector d1 = (DoubleVector) FloatVector.fromArray(H, x, off + i + w)
            .convertShape(VectorOperators.F2D, D, 0);
        d0 = d0.sub(m);
        d1 = d1.sub(m);
        s0 = d0.fma(d0, s0);
        s1 = d1.fma(d1, s1);
      }
      for (double lane : s0.add(s1).toArray()) {
        s += lane;
      }
    }
    for (; i < n; i++) {
      double d = x[off + i] - mean;
      s += d * d;
    }
    return s;
  }
}
