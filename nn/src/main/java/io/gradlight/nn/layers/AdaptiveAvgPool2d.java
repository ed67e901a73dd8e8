package io.gradlight.nn.layers;

import io.gradlight.autograd.Variable;
import io.gradlight.autograd.ops.MatMul;
import io.gradlight.nn.Module;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;

/**
 * Average pooling to a fixed output size {@code [oh, ow]} for any input size, as PyTorch's {@code
 * nn.AdaptiveAvgPool2d}. Output cell {@code (i, j)} averages input rows {@code [start(i, H, oh),
 * end(i, H, oh))} and columns {@code [start(j, W, ow), end(j, W, ow))} with PyTorch's index formula
 *
 * <pre>
 *   start(i, in, out) = floor(i in / out)        end(i, in, out) = ceil((i + 1) in / out)
 * </pre>
 *
 * The windows overlap when {@code in} is not a multiple of {@code out}, and repeat input cells when
 * {@code out > in} (VGG at 64x64 pools {@code 2x2} features to {@code 7x7}).
 *
 * <p>A window is a product of a row range and a column range, so the pooling is separable: {@code y
 * = P_H x P_W^T} with the averaging matrices {@code P[i][k] = 1 / (end(i) - start(i))} for {@code
 * start(i) <= k < end(i)}, else 0; two matrix products, differentiable to any order. An output of
 * {@code 1 x 1} is global average pooling; an output equal to the input size is the identity.
 */
public final class AdaptiveAvgPool2d extends Module {
  private final int outH;
  private final int outW;

  /** A square output of {@code size x size}. */
  public AdaptiveAvgPool2d(int size) {
    this(size, size);
  }

  public AdaptiveAvgPool2d(int outH, int outW) {
    if (outH < 1 || outW < 1) {
      throw new IllegalArgumentException(
          "AdaptiveAvgPool2d output size must be positive, got " + outH + " x " + outW);
    }
    this.outH = outH;
    this.outW = outW;
  }

  /** PyTorch's first input index of output cell {@code i}: {@code floor(i in / out)}. */
  public static int start(int i, int in, int out) {
    return (int) ((long) i * in / out);
  }

  /** PyTorch's end (exclusive) of output cell {@code i}: {@code ceil((i + 1) in / out)}. */
  public static int end(int i, int in, int out) {
    return (int) ((((long) i + 1) * in + out - 1) / out);
  }

  /** The {@code [out, in]} averaging matrix {@code P} of the class comment. */
  static Tensor averagingMatrix(DType dtype, int in, int out) {
    double[] p = new double[out * in];
    for (int i = 0; i < out; i++) {
      int s = start(i, in, out);
      int e = end(i, in, out);
      for (int k = s; k < e; k++) {
        p[i * in + k] = 1.0 / (e - s);
      }
    }
    return Tensor.of(p, out, in).to(dtype);
  }

  @Override
  protected Variable compute(Variable x) {
    if (x.rank() != 4) {
      throw new IllegalArgumentException(this + " expects input [N, C, H, W], got " + x.shape());
    }
    int n = x.shape().dim(0);
    int c = x.shape().dim(1);
    int h = x.shape().dim(2);
    int w = x.shape().dim(3);
    if (h == outH && w == outW) {
      return x;
    }
    if (outH == 1 && outW == 1) {
      return x.globalAvgPool().reshape(n, c, 1, 1);
    }
    Variable rows = Variable.constant(averagingMatrix(x.dtype(), h, outH));
    Variable cols = Variable.constant(averagingMatrix(x.dtype(), w, outW));
    return rows.matmul(MatMul.apply(x, cols, false, true));
  }

  @Override
  public String toString() {
    return "AdaptiveAvgPool2d(output_size=(" + outH + ", " + outW + "))";
  }
}
