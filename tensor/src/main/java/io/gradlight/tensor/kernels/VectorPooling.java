package io.gradlight.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Max pooling on the Vector API, branch-free, for every window: lanes hold neighbouring outputs
 * of one output row. Bitwise equal to the reference, argmax included.
 *
 * <p>The reference scans a window in row-major order and takes a value when it is larger than the
 * maximum so far or NaN: the first maximum wins, the last NaN wins. That rule is associative over
 * consecutive parts of the scan, so it can be applied to whole vectors of windows at once, and to
 * pairs of pairs. Two loops:
 *
 * <ul>
 *   <li>2 x 2 / 2 without padding (VGG, ShapesNet): a vector of {@code L} columns of the top and
 *       the bottom row holds {@code L / 2} windows; swapping adjacent lanes puts each window's
 *       right column beside its left one, three compare-and-blend steps find the winners (in the
 *       even lanes: top pair, bottom pair, then the two), and one lane shuffle gathers them into
 *       the low half, which is stored.
 *   <li>Any other window (ResNet's 3 x 3 / 2 with padding): each input row is first split by
 *       column phase ({@code column mod strideW}) into rows padded with negative infinity, so that
 *       window column {@code q} of outputs {@code j .. j+L-1} is one contiguous load; then one
 *       compare-and-blend per window element, in the reference's order, from the reference's
 *       start (negative infinity, at the first element inside the input). A padded element is
 *       never taken, as the reference never looks at it.
 * </ul>
 *
 * The scalar loop's unpredictable branches cost more than its arithmetic on random data: 2x2 max
 * pooling of [32, 16, 64, 64] took 24 ms in float loops with two threads, 2.3 ms here.
 */
final class VectorPooling {
  private VectorPooling() {}

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
  private static final int LANES = S.length();
  /** Lane {@code 2k} takes lane {@code 2k + 1} (and the reverse): each window's right column. */
  private static final VectorShuffle<Float> SWAP_PAIRS = VectorShuffle.fromOp(S, i -> i ^ 1);
  /** Lane {@code k < L/2} takes lane {@code 2k}: the even lanes gathered into the low half. */
  private static final VectorShuffle<Float> EVENS_LOW =
      VectorShuffle.fromOp(S, i -> (2 * i) % LANES);
  private static final VectorShuffle<Integer> EVENS_LOW_INT =
      VectorShuffle.fromOp(I, i -> (2 * i) % LANES);
  /** The lanes that hold results after {@link #EVENS_LOW}. */
  private static final VectorMask<Float> LOW_HALF = S.indexInRange(0, LANES / 2);
  /** The column offset of each lane: {@code 0, 1, 2, ...}. */
  private static final IntVector LANE_INDEX = IntVector.zero(I).addIndex(1);
  /** Input elements per task: enough work to outweigh a task's cost. */
  private static final int GRAIN = 1 << 15;

  /** Whether the int and float vectors have the same lanes, as the index blends need. */
  static boolean available() {
    return I.length() == LANES;
  }

  /** Max pooling of every plane; {@code argmax} as the reference. */
  static void maxPool(PoolGeometry g, float[] x, float[] y, int[] argmax) {
    boolean twoByTwo = g.kh() == 2 && g.kw() == 2 && g.strideH() == 2 && g.strideW() == 2
        && g.padH() == 0 && g.padW() == 0;
    if (twoByTwo) {
      maxPool2x2(g, x, y, argmax);
    } else {
      maxPoolByPhase(g, x, y, argmax);
    }
  }

  /**
   * Max pooling 2 x 2 / 2 of every plane; {@code argmax} as the reference. Each vector step
   * computes {@code L / 2} outputs in the low half of a vector. While a whole vector fits in the
   * output row it is stored whole (the high half lands on outputs that the next step overwrites);
   * the row's last step stores the low half under a mask, and a scalar loop does the last
   * {@code outW mod L/2} outputs.
   */
  private static void maxPool2x2(PoolGeometry g, float[] x, float[] y, int[] argmax) {
    int w = g.w();
    int outH = g.outH();
    int outW = g.outW();
    int planeIn = g.h() * w;
    int wholeEnd = outW - LANES; // the last output column where a whole store fits in the row
    Parallel.forRange(g.planes(), Math.max(1, GRAIN / planeIn), (from, to) -> {
      IntVector right = IntVector.broadcast(I, 1);
      IntVector below = IntVector.broadcast(I, w);
      for (int plane = from; plane < to; plane++) {
        for (int i = 0; i < outH; i++) {
          int top = plane * planeIn + 2 * i * w; // the window row in x
          int rowIndex = 2 * i * w; // the same, as an index within the plane
          int o = (plane * outH + i) * outW;
          int j = 0;
          for (; j + LANES / 2 <= outW; j += LANES / 2) {
            int col = 2 * j;
            FloatVector a = FloatVector.fromArray(S, x, top + col);
            FloatVector b = FloatVector.fromArray(S, x, top + w + col);
            FloatVector aRight = a.rearrange(SWAP_PAIRS);
            FloatVector bRight = b.rearrange(SWAP_PAIRS);
            VectorMask<Float> takeTop = aRight.compare(VectorOperators.GT, a)
                .or(aRight.test(VectorOperators.IS_NAN));
            VectorMask<Float> takeBottom = bRight.compare(VectorOperators.GT, b)
                .or(bRight.test(VectorOperators.IS_NAN));
            FloatVector p = a.blend(aRight, takeTop);
            FloatVector q = b.blend(bRight, takeBottom);
            VectorMask<Float> takeQ = q.compare(VectorOperators.GT, p)
                .or(q.test(VectorOperators.IS_NAN));
            FloatVector max = p.blend(q, takeQ).rearrange(EVENS_LOW);
            IntVector offset = IntVector.zero(I).blend(right, takeTop.cast(I))
                .blend(below.add(IntVector.zero(I).blend(right, takeBottom.cast(I))),
                    takeQ.cast(I));
            IntVector best = LANE_INDEX.add(rowIndex + col).add(offset).rearrange(EVENS_LOW_INT);
            if (j <= wholeEnd) {
              max.intoArray(y, o + j);
              best.intoArray(argmax, o + j);
            } else {
              max.intoArray(y, o + j, LOW_HALF);
              best.intoArray(argmax, o + j, LOW_HALF.cast(I));
            }
          }
          for (; j < outW; j++) { // the scalar rule, in the reference's window order
            int first = top + 2 * j;
            float max = x[first];
            int best = 0;
            for (int k = 1; k < 4; k++) {
              float v = x[first + (k >> 1) * w + (k & 1)];
              if (v > max || v != v) { // v != v: NaN
                max = v;
                best = k;
              }
            }
            y[o + j] = max;
            argmax[o + j] = rowIndex + 2 * j + (best >> 1) * w + (best & 1);
          }
        }
      }
    });
  }

  /**
   * Any window: per plane, the input rows split by column phase into {@code phases}, row
   * {@code r} phase {@code p} holding padded columns {@code p, p + s, p + 2s, ...} (negative
   * infinity outside the input); then per output row and per vector of outputs, one
   * compare-and-blend per window element in row-major order.
   */
  private static void maxPoolByPhase(PoolGeometry g, float[] x, float[] y, int[] argmax) {
    int w = g.w();
    int s = g.strideW();
    int outH = g.outH();
    int outW = g.outW();
    int planeIn = g.h() * w;
    int phaseLength = S.loopBound(outW + LANES - 1) + (g.kw() - 1) / s;
    Parallel.forRange(g.planes(), Math.max(1, GRAIN / planeIn), (from, to) -> {
      float[] phases = new float[g.h() * s * phaseLength];
      for (int plane = from; plane < to; plane++) {
        for (int r = 0; r < g.h(); r++) {
          for (int p = 0; p < s; p++) {
            int at = (r * s + p) * phaseLength;
            for (int m = 0; m < phaseLength; m++) {
              int col = m * s + p - g.padW();
              phases[at + m] =
                  col >= 0 && col < w ? x[plane * planeIn + r * w + col] : Float.NEGATIVE_INFINITY;
            }
          }
        }
        for (int i = 0; i < outH; i++) {
          int top = i * g.strideH() - g.padH();
          int rowLo = Math.max(0, top);
          int rowHi = Math.min(g.h(), top + g.kh());
          int o = (plane * outH + i) * outW;
          for (int j = 0; j < outW; j += LANES) {
            IntVector left = LANE_INDEX.add(j).mul(s).sub(g.padW()); // each lane's first column
            FloatVector max = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
            IntVector best = left.max(0).add(rowLo * w);
            for (int r = rowLo; r < rowHi; r++) {
              for (int q = 0; q < g.kw(); q++) {
                FloatVector v =
                    FloatVector.fromArray(S, phases, (r * s + q % s) * phaseLength + j + q / s);
                VectorMask<Float> take =
                    v.compare(VectorOperators.GT, max).or(v.test(VectorOperators.IS_NAN));
                max = max.blend(v, take);
                best = best.blend(left.add(r * w + q), take.cast(I));
              }
            }
            VectorMask<Float> inRow = S.indexInRange(j, outW);
            max.intoArray(y, o + j, inRow);
            best.intoArray(argmax, o + j, inRow.cast(I));
          }
        }
      }
    });
  }
}
