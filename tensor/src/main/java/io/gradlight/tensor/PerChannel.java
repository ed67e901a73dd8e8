package io.gradlight.tensor;

import io.gradlight.tensor.kernels.ChannelLayout;
import io.gradlight.tensor.kernels.KernelProvider;
import io.gradlight.tensor.kernels.Kernels;

/**
 * Per-channel arithmetic on a tensor whose axis 1 is the channel axis ({@code [N, C, ...]}, such
 * as NCHW images), each in one or two passes over it; BatchNorm's steps. With {@code m} the
 * number of elements per channel ({@code N H W}) and sums over all axes but 1:
 *
 * <pre>
 *   affine:    y[n][c][...] = x[n][c][...] * scale[c] + shift[c]
 *   dot:       d[c] = sum a[n][c][...] b[n][c][...]
 *   moments:   mu[c] = sum x[n][c][...] / m,   v[c] = sum (x[n][c][...] - mu[c])^2 / m  (biased)
 * </pre>
 *
 * The affine product and sum are each rounded, so the result is bitwise that of
 * {@code x.mul(scale.reshape(1, C, 1, ..)).add(shift.reshape(1, C, 1, ..))}, in half the passes.
 * The sums accumulate in double; the variance takes two passes (the mean, then the squared
 * deviations from it), which keeps it accurate when the mean is large against the spread.
 */
public final class PerChannel {
  private PerChannel() {}

  /** {@code x * scale[c] + shift[c]} per channel {@code c} of axis 1; scale and shift are [C]. */
  public static Tensor affine(Tensor x, Tensor scale, Tensor shift) {
    ChannelLayout l = layout("affine", x);
    requirePerChannel("affine", x, scale, "scale");
    requirePerChannel("affine", x, shift, "shift");
    Tensor y = x.zerosLike();
    if (l != null) {
      Kernels k = KernelProvider.kernels();
      if (x.dtype() == DType.F32) {
        k.affinePerChannel(l, x.f32(), scale.f32(), shift.f32(), y.f32());
      } else {
        k.affinePerChannel(l, x.f64(), scale.f64(), shift.f64(), y.f64());
      }
    }
    return y;
  }

  /** {@code [C]}: per channel, the sum of {@code a b}; a and b have the same shape. */
  public static Tensor dot(Tensor a, Tensor b) {
    Tensor.requireSameDType("dot", a, b);
    if (!a.shape().equals(b.shape())) {
      throw new IllegalArgumentException(
          "dot: shapes " + a.shape() + " and " + b.shape() + " should be equal");
    }
    ChannelLayout l = layout("dot", a);
    double[] sums = new double[a.dim(1)];
    if (l != null) {
      Kernels k = KernelProvider.kernels();
      if (a.dtype() == DType.F32) {
        k.dotPerChannel(l, a.f32(), b.f32(), sums);
      } else {
        k.dotPerChannel(l, a.f64(), b.f64(), sums);
      }
    }
    return Tensor.fromDoubles(a.dtype(), Shape.of(sums.length), sums);
  }

  /**
   * {@code [2, C]}: per channel, the mean (row 0) and the biased variance (row 1); NaN for
   * channels of no elements.
   */
  public static Tensor moments(Tensor x) {
    ChannelLayout l = layout("moments", x);
    int channels = x.dim(1);
    double[] moments = new double[2 * channels]; // the means, then the variances
    double[] means = new double[channels];
    double[] squares = new double[channels];
    if (l != null) {
      Kernels k = KernelProvider.kernels();
      double count = (double) l.outer() * l.inner();
      if (x.dtype() == DType.F32) {
        k.sumPerChannel(l, x.f32(), means);
        scale(means, 1 / count);
        k.squaredDeviationsPerChannel(l, x.f32(), means, squares);
      } else {
        k.sumPerChannel(l, x.f64(), means);
        scale(means, 1 / count);
        k.squaredDeviationsPerChannel(l, x.f64(), means, squares);
      }
      scale(squares, 1 / count);
    } else {
      scale(means, Double.NaN);
      scale(squares, Double.NaN);
    }
    System.arraycopy(means, 0, moments, 0, channels);
    System.arraycopy(squares, 0, moments, channels, channels);
    return Tensor.fromDoubles(x.dtype(), Shape.of(2, channels), moments);
  }

  private static void scale(double[] values, double factor) {
    for (int i = 0; i < values.length; i++) {
      values[i] *= factor;
    }
  }

  /** x's layout with axis 1 as the channels, or null when x is empty; x must have rank >= 2. */
  private static ChannelLayout layout(String op, Tensor x) {
    if (x.rank() < 2) {
      throw new IllegalArgumentException(
          op + ": input " + x.shape() + " should have a channel axis 1, [N, C, ...]");
    }
    return x.size() == 0
        ? null : new ChannelLayout(x.dim(0), x.dim(1), x.size() / (x.dim(0) * x.dim(1)));
  }

  private static void requirePerChannel(String op, Tensor x, Tensor values, String name) {
    Tensor.requireSameDType(op, x, values);
    if (!values.shape().equals(Shape.of(x.dim(1)))) {
      throw new IllegalArgumentException(op + ": " + name + " " + values.shape() + " should be ["
          + x.dim(1) + "] for input " + x.shape());
    }
  }
}
