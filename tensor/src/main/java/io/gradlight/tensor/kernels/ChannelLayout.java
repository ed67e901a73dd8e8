package io.gradlight.tensor.kernels;

/**
 * A row-major array read as {@code [outer, channels, inner]}, paired with one value per channel:
 * the layout of a broadcast whose small operand varies along one block of axes only. Element
 * {@code (o, c, r)} sits at {@code (o channels + c) inner + r}.
 *
 * <pre>
 *   x [N, C, H, W]  with  [1, C, 1, 1]   (BatchNorm):   outer N,  channels C,  inner H W
 *   x [N, K]        with  [K]            (a bias):      outer N,  channels K,  inner 1
 * </pre>
 */
public record ChannelLayout(int outer, int channels, int inner) {

  public ChannelLayout {
    if (outer < 1 || channels < 1 || inner < 1) {
      throw new IllegalArgumentException(
          "a channel layout needs positive sizes, got outer " + outer + ", channels " + channels
              + ", inner " + inner);
    }
    if ((long) outer * channels * inner > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a channel layout of " + outer + " x " + channels + " x "
          + inner + " elements does not fit in one array");
    }
  }

  /** The number of elements of the large array. */
  public int size() {
    return outer * channels * inner;
  }

  /** The number of runs of {@code inner} elements that share one channel value. */
  public int rows() {
    return outer * channels;
  }
}
