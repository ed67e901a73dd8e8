package io.gradlight.autograd.ops;

import java.util.Arrays;

/**
 * The stride, padding and dilation of a 2-D convolution, each an {@code {h, w}} pair (the shape
 * checks happen in the tensor module's {@code Convolution}).
 */
public record Conv2dSpec(int[] stride, int[] padding, int[] dilation) {

  public Conv2dSpec {
    stride = pair("stride", stride, 1);
    padding = pair("padding", padding, 0);
    dilation = pair("dilation", dilation, 1);
  }

  /** Stride 1, no padding, dilation 1. */
  public static Conv2dSpec defaults() {
    return new Conv2dSpec(new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1});
  }

  static int[] pair(String name, int[] values, int min) {
    if (values == null || values.length != 2 || values[0] < min || values[1] < min) {
      throw new IllegalArgumentException(name + " must be an {h, w} pair of values >= " + min
          + ", got " + (values == null ? "null" : Arrays.toString(values)));
    }
    return values.clone();
  }

  @Override
  public int[] stride() {
    return stride.clone();
  }

  @Override
  public int[] padding() {
    return padding.clone();
  }

  @Override
  public int[] dilation() {
    return dilation.clone();
  }

  @Override
  public String toString() {
    return "stride " + Arrays.toString(stride) + ", padding " + Arrays.toString(padding)
        + ", dilation " + Arrays.toString(dilation);
  }
}
