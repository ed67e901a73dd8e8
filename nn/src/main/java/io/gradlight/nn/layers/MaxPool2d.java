package io.gradlight.nn.layers;

import io.gradlight.autograd.Variable;

/**
 * Max pooling over {@code kh x kw} windows as PyTorch's {@code nn.MaxPool2d} (floor mode, dilation
 * 1); padding counts as minus infinity.
 */
public final class MaxPool2d extends Pool2d {
  /** A square window with stride equal to its size (PyTorch's default), no padding. */
  public MaxPool2d(int kernel) {
    this(kernel, kernel, 0);
  }

  public MaxPool2d(int kernel, int stride, int padding) {
    this(Pairs.square(kernel), Pairs.square(stride), Pairs.square(padding));
  }

  public MaxPool2d(int[] kernel, int[] stride, int[] padding) {
    super(kernel, stride, padding);
  }

  @Override
  protected Variable compute(Variable x) {
    return x.maxPool2d(kernel, stride, padding);
  }
}
