package io.gradlight.autograd.ops;

import java.util.Arrays;

/** The kernel, stride and padding of a 2-D pooling window, each an {@code {h, w}} pair. */
public record Pool2dSpec(int[] kernel, int[] stride, int[] padding) {

  public Pool2dSpec {
    kernel = Conv2dSpec.pair("kernel", kernel, 1);
    stride = Conv2dSpec.pair("stride", stride, 1);
    padding = Conv2dSpec.pair("padding", padding, 0);
  }

  @Override
  public int[] kernel() {
    return kernel.clone();
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
  public String toString() {
    return "kernel " + Arrays.toString(kernel) + ", stride " + Arrays.toString(stride)
        + ", padding " + Arrays.toString(padding);
  }
}
