package io.gradlight.nn.layers;

import java.util.Arrays;

/** The {@code {h, w}} pairs of 2-D layers. */
final class Pairs {
  private Pairs() {}

  /** A copy of {@code hw}, checked to be two values each at least {@code min}. */
  static int[] check(String what, int[] hw, int min) {
    if (hw == null || hw.length != 2 || hw[0] < min || hw[1] < min) {
      throw new IllegalArgumentException(
          what
              + " must be an {h, w} pair of values >= "
              + min
              + ", got "
              + (hw == null ? "null" : Arrays.toString(hw)));
    }
    return hw.clone();
  }

  /** {@code {v, v}}. */
  static int[] square(int v) {
    return new int[] {v, v};
  }
}
