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
 * bits. The reductions run channel by channel, in parallel over channels: the whole vectors of
 * every row of the channel go into two double-vector accumulators, the rows' scalar tails into one
 * double, and at the end the accumulators' lanes are added in index order, then the tails: a
 * fixed order, a function of the sizes only. (Reducing the lanes per row instead cost more than
 * the sums themselves on ShapesNet's 8 x 8 maps.)
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
    int inner = l.inner();
    int end = inner - inner % (2 * H.length()); // the vector part of each row
    forEachChannel(l, c -> {
      DoubleVector s0 = DoubleVector.zero(D);
      DoubleVector s1 = s0;
      double tail = 0.0;
      for (int o = 0; o < l.outer(); o++) {
        int at = (o * l.channels() + c) * inner;
        for (int i = 0; i < end; i += 2 * H.length()) {
          s0 = s0.add(FloatVector.fromArray(H, x, at + i).convertShape(VectorOperators.F2D, D, 0));
          s1 = s1.add(FloatVector.fromArray(H, x, at + i + H.length())
              .convertShape(VectorOperators.F2D, D, 0));
        }
        for (int i = end; i < inner; i++) {
          tail += x[at + i];
        }
      }
      sums[c] = lanesInOrder(s0.add(s1)) + tail;
    });
  }

  static void dot(ChannelLayout l, float[] a, float[] b, double[] sums) {
    int inner = l.inner();
    int end = inner - inner % (2 * H.length());
    forEachChannel(l, c -> {
      DoubleVector s0 = DoubleVector.zero(D);
      DoubleVector s1 = s0;
      double tail = 0.0;
      for (int o = 0; o < l.outer(); o++) {
        int at = (o * l.channels() + c) * inner;
        for (int i = 0; i < end; i += 2 * H.length()) {
          int i1 = at + i + H.length();
          DoubleVector a0 = (DoubleVector) FloatVector.fromArray(H, a, at + i)
              .convertShape(VectorOperators.F2D, D, 0);
          DoubleVector a1 = (DoubleVector) FloatVector.fromArray(H, a, i1)
              .convertShape(VectorOperators.F2D, D, 0);
          s0 = a0.fma(FloatVector.fromArray(H, b, at + i).convertShape(VectorOperators.F2D, D, 0),
              s0);
          s1 = a1.fma(FloatVector.fromArray(H, b, i1).convertShape(VectorOperators.F2D, D, 0), s1);
        }
        for (int i = end; i < inner; i++) {
          tail += (double) a[at + i] * b[at + i];
        }
      }
      sums[c] = lanesInOrder(s0.add(s1)) + tail;
    });
  }

  static void squaredDeviations(ChannelLayout l, float[] x, double[] means, double[] sums) {
    int inner = l.inner();
    int end = inner - inner % (2 * H.length());
    forEachChannel(l, c -> {
      DoubleVector mean = DoubleVector.broadcast(D, means[c]);
      DoubleVector s0 = DoubleVector.zero(D);
      DoubleVector s1 = s0;
      double tail = 0.0;
      for (int o = 0; o < l.outer(); o++) {
        int at = (o * l.channels() + c) * inner;
        for (int i = 0; i < end; i += 2 * H.length()) {
          DoubleVector d0 = ((DoubleVector) FloatVector.fromArray(H, x, at + i)
              .convertShape(VectorOperators.F2D, D, 0)).sub(mean);
          DoubleVector d1 = ((DoubleVector) FloatVector.fromArray(H, x, at + i + H.length())
              .convertShape(VectorOperators.F2D, D, 0)).sub(mean);
          s0 = d0.fma(d0, s0);
          s1 = d1.fma(d1, s1);
        }
        for (int i = end; i < inner; i++) {
          double d = x[at + i] - means[c];
          tail += d * d;
        }
      }
      sums[c] = lanesInOrder(s0.add(s1)) + tail;
    });
  }

  /** The lanes of {@code v} added in index order (never {@code reduceLanes}: its order varies). */
  private static double lanesInOrder(DoubleVector v) {
    double s = 0.0;
    for (int lane = 0; lane < v.length(); lane++) {
      s += v.lane(lane);
    }
    return s;
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
}
