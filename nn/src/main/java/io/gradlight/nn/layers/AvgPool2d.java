package io.gradlight.nn.layers;

import io.gradlight.autograd.Variable;

/**
 * Average pooling over {@code kh x kw} windows as PyTorch's {@code nn.AvgPool2d} (floor mode,
 * count_include_pad): the mean of each window, padding counting as zeros.
 */
public final class AvgPool2d extends Pool2d {
  /** A square window with stride equal to its size (PyTorch's default), no padding. */
  public AvgPool2d(int kernel) {
    this(kernel, kernel, 0);
  }

  public AvgPool2d(int kernel, int stride, int padding) {
    this(Pairs.square(kernel), Pairs.square(stride), Pairs.square(padding));
  }

  public AvgPool2d(int[] kernel, int[] stride, int[] padding) {
    super(kernel, stride, padding);
  }

  @Override
  protected Variable compute(Variable x) {
    return x.avgPool2d(kernel, stride, padding);
  }
}
