package io.gradlight.tensor;

import io.gradlight.tensor.kernels.BinaryOp;
import io.gradlight.tensor.kernels.ChannelLayout;
import io.gradlight.tensor.kernels.KernelProvider;
import io.gradlight.tensor.kernels.Kernels;
import io.gradlight.tensor.kernels.UnaryOp;
import java.util.function.DoubleUnaryOperator;

/**
 * Elementwise arithmetic with NumPy broadcasting. The arithmetic runs in the kernels on whole
 * contiguous arrays: an operand that broadcasts is first expanded to the result shape, unless it
 * already has the result's elements in order, or is a single value (the kernels take it as a
 * scalar), or varies along one block of axes only, like {@code [1, C, 1, 1]} against
 * {@code [N, C, H, W]} (the kernels read it per channel; see {@link Broadcasting#channelLayout}).
 * Comparisons, {@code where}, {@code sign} and {@code reciprocal} are plain loops.
 *
 * <p>Comparisons return masks of the operands' dtype: 1 where the relation holds, else 0. A
 * comparison with NaN is false (IEEE 754).
 */
final class Elementwise {
  private Elementwise() {}

  /** A relation between two values, for the comparison masks. */
  @FunctionalInterface
  interface Relation {
    boolean holds(double a, double b);
  }

  /** {@code y = op(a, b)} with broadcasting; {@code name} is the op name for error messages. */
  static Tensor binary(String name, BinaryOp op, Tensor a, Tensor b) {
    Tensor.requireSameDType(name, a, b);
    Shape shape = Broadcasting.shapes(name, a.shape(), b.shape());
    boolean aFull = a.size() == shape.size();
    boolean bFull = b.size() == shape.size();
    boolean commutes = op == BinaryOp.ADD || op == BinaryOp.MUL || op == BinaryOp.MAX
        || op == BinaryOp.MIN;
    if (aFull && b.size() == 1 && shape.size() > 0) {
      return scalar(op, a, b.getFlat(0)).reshape(shape);
    }
    if (bFull && a.size() == 1 && commutes && shape.size() > 0) {
      return scalar(op, b, a.getFlat(0)).reshape(shape);
    }
    ChannelLayout layout;
    if (aFull && (layout = Broadcasting.channelLayout(b.shape(), shape)) != null) {
      return perChannel(op, layout, a, b, shape);
    }
    if (bFull && commutes && (layout = Broadcasting.channelLayout(a.shape(), shape)) != null) {
      return perChannel(op, layout, b, a, shape);
    }
    Tensor left = Broadcasting.expand(a, shape);
    Tensor right = Broadcasting.expand(b, shape);
    Tensor out = Tensor.zeros(a.dtype(), shape);
    Kernels k = KernelProvider.kernels();
    int n = shape.size();
    if (a.dtype() == DType.F32) {
      k.binary(op, left.f32(), 0, right.f32(), 0, out.f32(), 0, n);
    } else {
      k.binary(op, left.f64(), 0, right.f64(), 0, out.f64(), 0, n);
    }
    return out;
  }

  /** {@code y = op(a, perChannel)} of shape {@code shape}, a full and perChannel by layout. */
  private static Tensor perChannel(
      BinaryOp op, ChannelLayout layout, Tensor a, Tensor perChannel, Shape shape) {
    Tensor out = Tensor.zeros(a.dtype(), shape);
    Kernels k = KernelProvider.kernels();
    if (a.dtype() == DType.F32) {
      k.binaryPerChannel(op, layout, a.f32(), perChannel.f32(), out.f32());
    } else {
      k.binaryPerChannel(op, layout, a.f64(), perChannel.f64(), out.f64());
    }
    return out;
  }

  /** {@code y = op(a, s)} elementwise ({@code s} rounded to float for F32). */
  static Tensor scalar(BinaryOp op, Tensor a, double s) {
    Tensor out = a.zerosLike();
    Kernels k = KernelProvider.kernels();
    if (a.dtype() == DType.F32) {
      k.binaryScalar(op, a.f32(), 0, (float) s, out.f32(), 0, a.size());
    } else {
      k.binaryScalar(op, a.f64(), 0, s, out.f64(), 0, a.size());
    }
    return out;
  }

  /** {@code y = op(x)} elementwise. */
  static Tensor unary(UnaryOp op, Tensor x) {
    Tensor out = x.zerosLike();
    Kernels k = KernelProvider.kernels();
    if (x.dtype() == DType.F32) {
      k.unary(op, x.f32(), 0, out.f32(), 0, x.size());
    } else {
      k.unary(op, x.f64(), 0, out.f64(), 0, x.size());
    }
    return out;
  }

  /** {@code y = f(x)} elementwise in a plain loop, for the light functions without a kernel. */
  static Tensor map(Tensor x, DoubleUnaryOperator f) {
    Tensor out = x.zerosLike();
    for (int i = 0; i < x.size(); i++) {
      out.setFlat(i, f.applyAsDouble(x.getFlat(i)));
    }
    return out;
  }

  /** {@code y = -1, 0 or 1} by the sign of x; NaN stays NaN; the sign of zero is 0. */
  static Tensor sign(Tensor x) {
    return map(x, v -> v > 0 ? 1.0 : v < 0 ? -1.0 : v == 0 ? 0.0 : v);
  }

  /** {@code y = 1 / x}. */
  static Tensor reciprocal(Tensor x) {
    return map(x, v -> 1.0 / v);
  }

  /** The mask {@code relation(a, b)} with broadcasting. */
  static Tensor compare(String name, Relation relation, Tensor a, Tensor b) {
    Tensor.requireSameDType(name, a, b);
    Shape shape = Broadcasting.shapes(name, a.shape(), b.shape());
    Tensor left = Broadcasting.expand(a, shape);
    Tensor right = Broadcasting.expand(b, shape);
    Tensor out = Tensor.zeros(a.dtype(), shape);
    for (int i = 0; i < out.size(); i++) {
      out.setFlat(i, relation.holds(left.getFlat(i), right.getFlat(i)) ? 1.0 : 0.0);
    }
    return out;
  }

  /** The mask {@code relation(a, s)}. */
  static Tensor compare(Relation relation, Tensor a, double s) {
    return map(a, v -> relation.holds(v, s) ? 1.0 : 0.0);
  }

  /** {@code y = mask != 0 ? a : b} with all three broadcast together; a NaN mask picks a. */
  static Tensor where(Tensor mask, Tensor a, Tensor b) {
    Tensor.requireSameDType("where", a, b);
    Shape shape = Broadcasting.shapes("where", mask.shape(),
        Broadcasting.shapes("where", a.shape(), b.shape()));
    Tensor m = Broadcasting.expand(mask, shape);
    Tensor left = Broadcasting.expand(a, shape);
    Tensor right = Broadcasting.expand(b, shape);
    Tensor out = Tensor.zeros(a.dtype(), shape);
    for (int i = 0; i < out.size(); i++) {
      out.setFlat(i, m.getFlat(i) != 0 ? left.getFlat(i) : right.getFlat(i));
    }
    return out;
  }

  /** {@code y = min(max(x, lo), hi)}; NaN stays NaN. */
  static Tensor clamp(Tensor x, double lo, double hi) {
    if (!(lo <= hi)) {
      throw new IllegalArgumentException("clamp: needs lo <= hi, got lo = " + lo + ", hi = " + hi);
    }
    return scalar(BinaryOp.MIN, scalar(BinaryOp.MAX, x, lo), hi);
  }

  /** {@code gx = gy} where {@code x > 0}, else 0: the backward of ReLU. Shapes must be equal. */
  static Tensor reluBackward(Tensor gy, Tensor x) {
    Tensor.requireSameDType("reluBackward", gy, x);
    if (!gy.shape().equals(x.shape())) {
      throw new IllegalArgumentException(
          "reluBackward: gradient shape " + gy.shape() + " differs from input shape " + x.shape());
    }
    Tensor out = gy.zerosLike();
    Kernels k = KernelProvider.kernels();
    if (gy.dtype() == DType.F32) {
      k.reluBackward(gy.f32(), x.f32(), out.f32(), gy.size());
    } else {
      k.reluBackward(gy.f64(), x.f64(), out.f64(), gy.size());
    }
    return out;
  }
}
