package io.gradlight.nn.layers;

import io.gradlight.nn.Module;

/** The window of a 2-D pooling layer: kernel, stride and padding, each an {@code {h, w}} pair. */
abstract class Pool2d extends Module {
  final int[] kernel;
  final int[] stride;
  final int[] padding;

  Pool2d(int[] kernel, int[] stride, int[] padding) {
    this.kernel = Pairs.check("kernel", kernel, 1);
    this.stride = Pairs.check("stride", stride, 1);
    this.padding = Pairs.check("padding", padding, 0);
    if (this.padding[0] * 2 > this.kernel[0] || this.padding[1] * 2 > this.kernel[1]) {
      throw new IllegalArgumentException(
          getClass().getSimpleName()
              + ": padding "
              + Repr.tuple(this.padding)
              + " must be at most half the kernel "
              + Repr.tuple(this.kernel));
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "(kernel_size="
        + Repr.tuple(kernel)
        + ", stride="
        + Repr.tuple(stride)
        + ", padding="
        + Repr.tuple(padding)
        + ")";
  }
}
