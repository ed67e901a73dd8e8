package io.gradlight.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Max pooling with 2 x 2 windows and stride 2 (no padding), the pooling of VGG, ShapesNet and most
 * CNNs, on the Vector API; other windows go to {@link FloatPooling}. Bitwise equal to the
 * reference, argmax included.
 *
 * <p>The reference scans a window in row-major order and takes a value when it is larger than the
 * maximum so far or NaN: the first maximum wins, the last NaN wins. For a 2 x 2 window that scan
 * equals the same rule applied to pairs: the top pair's winner {@code p}, the bottom pair's winner
 * {@code q}, then {@code q} if it beats {@code p}. Lanes hold input columns, so a vector of
 * {@code L} columns of the top and the bottom row holds {@code L / 2} windows: swapping adjacent
 * lanes puts each window's right column beside its left one, three compare-and-blend steps find
 * the winners (in the even lanes), and one lane shuffle gathers the even lanes into the low half,
 * which is stored. Branch-free: the scalar loop's unpredictable branches cost more than its
 * arithmetic on random data.
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
  /** The column offset of each lane: {@code 0, 1, 2, ...}. */
  private static final IntVector LANE_INDEX = IntVector.zero(I).addIndex(1);
  /** Input elements per task: enough work to outweigh a task's cost. */
  private static final int GRAIN = 1 << 15;

  /** Whether {@code g} is the window this class handles, with room for one vector per row. */
  static boolean handles(PoolGeometry g) {
    return g.kh() == 2 && g.kw() == 2 && g.strideH() == 2 && g.strideW() == 2 && g.padH() == 0
        && g.padW() == 0 && I.length() == LANES;
  }

  /**
   * Max pooling 2 x 2 / 2 of every plane; {@code argmax} as the reference. Each vector step stores
   * {@code L} values of which the low {@code L / 2} are results; the high half lands on outputs of
   * the same row that a later step or the scalar tail overwrites, so steps run only while the
   * whole store stays inside the row.
   */
  static void maxPool2x2(PoolGeometry g, float[] x, float[] y, int[] argmax) {
    int w = g.w();
    int outH = g.outH();
    int outW = g.outW();
    int planeIn = g.h() * w;
    int vectorEnd = outW - LANES; // last output column where a whole store fits in the row
    Parallel.forRange(g.planes(), Math.max(1, GRAIN / planeIn), (from, to) -> {
      IntVector right = IntVector.broadcast(I, 1);
      IntVector below = IntVector.broadcast(I, w);
      for (int plane = from; plane < to; plane++) {
        for (int i = 0; i < outH; i++) {
          int top = plane * planeIn + 2 * i * w; // the window row in x
          int rowIndex = 2 * i * w; // the same, as an index within the plane
          int o = (plane * outH + i) * outW;
          int j = 0;
          for (; j <= vectorEnd; j += LANES / 2) {
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
            p.blend(q, takeQ).rearrange(EVENS_LOW).intoArray(y, o + j);
            IntVector offset = IntVector.zero(I).blend(right, takeTop.cast(I))
                .blend(below.add(IntVector.zero(I).blend(right, takeBottom.cast(I))),
                    takeQ.cast(I));
            LANE_INDEX.add(rowIndex + col).add(offset).rearrange(EVENS_LOW_INT)
                .intoArray(argmax, o + j);
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
}
