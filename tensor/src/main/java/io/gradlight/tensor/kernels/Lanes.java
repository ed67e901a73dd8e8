package io.gradlight.tensor.kernels;

import java.util.function.IntPredicate;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lane permutations for kernels that spread a vector over every other lane of two (col2im with
 * stride 2), split two vectors into their even and odd lanes, or interleave two vectors
 * (Winograd's 2-wide input and output tiles).
 */
final class Lanes {
  private Lanes() {}

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = S.length();

  /** Lane i of a vector's low half to lanes 2i and 2i + 1. */
  static final VectorShuffle<Float> SPREAD_LOW = VectorShuffle.fromOp(S, i -> i / 2);
  /** Lane i of a vector's high half to lanes 2i and 2i + 1. */
  static final VectorShuffle<Float> SPREAD_HIGH = VectorShuffle.fromOp(S, i -> LANES / 2 + i / 2);
  /** Lane 2i to lane i, for the low half of the lanes (the rest are don't-cares). */
  static final VectorShuffle<Float> EVENS_LOW = VectorShuffle.fromOp(S, i -> 2 * i % LANES);
  /** Lane 2i + 1 to lane i, for the low half of the lanes. */
  static final VectorShuffle<Float> ODDS_LOW = VectorShuffle.fromOp(S, i -> (2 * i + 1) % LANES);
  /** Lanes LANES / 2, LANES / 2 + 1, ... */
  static final VectorMask<Float> HIGH_HALF = lanes(i -> i >= LANES / 2);
  /** Lanes 0, 2, 4, ... */
  static final VectorMask<Float> EVEN = lanes(i -> i % 2 == 0);
  /** Lanes 1, 3, 5, ... */
  static final VectorMask<Float> ODD = lanes(i -> i % 2 == 1);

  /** Lanes 2i of a then b side by side: a's evens in the low half, b's in the high half. */
  static FloatVector evens(FloatVector a, FloatVector b) {
    return a.rearrange(EVENS_LOW).blend(b.rearrange(EVENS_LOW), HIGH_HALF);
  }

  /** Lanes 2i + 1 of a then b side by side. */
  static FloatVector odds(FloatVector a, FloatVector b) {
    return a.rearrange(ODDS_LOW).blend(b.rearrange(ODDS_LOW), HIGH_HALF);
  }

  /** a's and b's low halves interleaved: a[0], b[0], a[1], b[1], ... */
  static FloatVector zipLow(FloatVector a, FloatVector b) {
    return a.rearrange(SPREAD_LOW).blend(b.rearrange(SPREAD_LOW), ODD);
  }

  /** a's and b's high halves interleaved. */
  static FloatVector zipHigh(FloatVector a, FloatVector b) {
    return a.rearrange(SPREAD_HIGH).blend(b.rearrange(SPREAD_HIGH), ODD);
  }

  private static VectorMask<Float> lanes(IntPredicate set) {
    boolean[] lanes = new boolean[LANES];
    for (int i = 0; i < LANES; i++) {
      lanes[i] = set.test(i);
    }
    return VectorMask.fromArray(S, lanes, 0);
  }
}
