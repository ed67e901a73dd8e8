package io.gradlight.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The reference per-channel kernels by hand, on {@code [outer 2, channels 2, inner 3]}. */
class ScalarPerChannelTest {
  private final ScalarKernels k = ScalarKernels.INSTANCE;
  private final ChannelLayout layout = new ChannelLayout(2, 2, 3);
  /** Channel 0 holds 1, 2, 3, 7, 8, 9; channel 1 holds 4, 5, 6, 10, 11, 12. */
  private final double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

  @Test
  void elementwiseKernelsReadOneValuePerChannel() {
    double[] y = new double[12];
    k.binaryPerChannel(BinaryOp.SUB, layout, x, new double[] {10, 100}, y);
    assertArrayEquals(new double[] {-9, -8, -7, -96, -95, -94, -3, -2, -1, -90, -89, -88}, y, 0.0);
    k.affinePerChannel(layout, x, new double[] {2, -1}, new double[] {0.5, 20}, y);
    assertArrayEquals(new double[] {2.5, 4.5, 6.5, 16, 15, 14, 14.5, 16.5, 18.5, 10, 9, 8}, y, 0.0);
    // inner 1: a bias added to each row of [3, 2], in float
    float[] rows = {1, 2, 3, 4, 5, 6};
    float[] out = new float[6];
    k.binaryPerChannel(BinaryOp.ADD, new ChannelLayout(3, 2, 1), rows, new float[] {0.5f, -1},
        out);
    assertArrayEquals(new float[] {1.5f, 1, 3.5f, 3, 5.5f, 5}, out);
  }

  @Test
  void reductionsAddEachChannelsTerms() {
    double[] sums = new double[2];
    k.sumPerChannel(layout, x, sums);
    assertArrayEquals(new double[] {30, 48}, sums, 0.0);
    double[] twos = new double[12];
    Arrays.fill(twos, 2);
    k.dotPerChannel(layout, x, twos, sums);
    assertArrayEquals(new double[] {60, 96}, sums, 0.0);
    // deviations from 5 and 8: (16 + 9 + 4 + 4 + 9 + 16) and the same
    k.squaredDeviationsPerChannel(layout, TestArrays.toFloat(x), new double[] {5, 8}, sums);
    assertArrayEquals(new double[] {58, 58}, sums, 0.0);
    k.sumPerChannel(new ChannelLayout(3, 2, 1), new float[] {1, 2, 3, 4, 5, 6}, sums);
    assertArrayEquals(new double[] {9, 12}, sums, 0.0);
  }
}
