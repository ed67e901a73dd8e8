package io.gradlight.nn.layers;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.nn.Parameter;
import io.gradlight.tensor.Shape;
import java.util.SplittableRandom;

/**
 * 2-D convolution as PyTorch's {@code nn.Conv2d} (groups 1): weight {@code [out, in, kh, kw]},
 * optional bias {@code [out]},
 *
 * <pre>
 *   y[n][o][i][j] = b[o] + sum_{c,p,q} x[n][c][i sH - pH + p dH][j sW - pW + q dW] w[o][c][p][q]
 * </pre>
 *
 * <p>Weights and bias start as PyTorch's default ({@link Init#defaultUniform}).
 */
public final class Conv2d extends Module {
  private final int inChannels;
  private final int outChannels;
  private final int[] kernel;
  private final int[] stride;
  private final int[] padding;
  private final int[] dilation;
  private final Parameter weight;
  private final Parameter bias;

  /** A square {@code kernel x kernel} convolution with dilation 1. */
  public Conv2d(
      int inChannels,
      int outChannels,
      int kernel,
      int stride,
      int padding,
      boolean bias,
      SplittableRandom rng) {
    this(
        inChannels,
        outChannels,
        Pairs.square(kernel),
        Pairs.square(stride),
        Pairs.square(padding),
        Pairs.square(1),
        bias,
        rng);
  }

  /** The general convolution; each array is an {@code {h, w}} pair. */
  public Conv2d(
      int inChannels,
      int outChannels,
      int[] kernel,
      int[] stride,
      int[] padding,
      int[] dilation,
      boolean bias,
      SplittableRandom rng) {
    if (inChannels < 1 || outChannels < 1) {
      throw new IllegalArgumentException(
          "Conv2d needs at least one input and output channel, got "
              + inChannels
              + " -> "
              + outChannels);
    }
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.kernel = Pairs.check("kernel", kernel, 1);
    this.stride = Pairs.check("stride", stride, 1);
    this.padding = Pairs.check("padding", padding, 0);
    this.dilation = Pairs.check("dilation", dilation, 1);
    Shape shape = Shape.of(outChannels, inChannels, this.kernel[0], this.kernel[1]);
    int fanIn = Init.fanIn(shape);
    this.weight = addParameter("weight", Init.defaultUniform(shape, fanIn, rng));
    this.bias =
        bias ? addParameter("bias", Init.defaultUniform(Shape.of(outChannels), fanIn, rng)) : null;
  }

  public Parameter weight() {
    return weight;
  }

  /** The bias, or null for a convolution without one. */
  public Parameter bias() {
    return bias;
  }

  @Override
  protected Variable compute(Variable x) {
    if (x.rank() != 4 || x.shape().dim(1) != inChannels) {
      throw new IllegalArgumentException(
          this + " expects input [N, " + inChannels + ", H, W], got " + x.shape());
    }
    return x.conv2d(
        weight.variable(), bias == null ? null : bias.variable(), stride, padding, dilation);
  }

  @Override
  public String toString() {
    return "Conv2d("
        + inChannels
        + ", "
        + outChannels
        + ", kernel_size="
        + Repr.tuple(kernel)
        + ", stride="
        + Repr.tuple(stride)
        + (padding[0] != 0 || padding[1] != 0 ? ", padding=" + Repr.tuple(padding) : "")
        + (dilation[0] != 1 || dilation[1] != 1 ? ", dilation=" + Repr.tuple(dilation) : "")
        + (bias == null ? ", bias=False" : "")
        + ")";
  }
}
