package io.gradlight.nn.train;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;

/**
 * The elements of a tensor's backing array, read as double and written back in the tensor's own
 * dtype, so that one update loop serves F32 and F64 parameters. An F32 write rounds to the nearest
 * float, as PyTorch stores every intermediate buffer of an F32 parameter in F32.
 */
sealed interface Elements {
  int size();

  double get(int i);

  void set(int i, double value);

  /** {@code value} rounded to this dtype, as a temporary tensor of it would hold it. */
  double round(double value);

  /** A view of {@code t}'s backing array: writes change {@code t}. */
  static Elements of(Tensor t) {
    return t.dtype() == DType.F32 ? new F32(t.f32()) : new F64(t.f64());
  }

  /** A float array. */
  record F32(float[] data) implements Elements {
    @Override
    public int size() {
      return data.length;
    }

    @Override
    public double get(int i) {
      return data[i];
    }

    @Override
    public void set(int i, double value) {
      data[i] = (float) value;
    }

    @Override
    public double round(double value) {
      return (float) value;
    }
  }

  /** A double array. */
  record F64(double[] data) implements Elements {
    @Override
    public int size() {
      return data.length;
    }

    @Override
    public double get(int i) {
      return data[i];
    }

    @Override
    public void set(int i, double value) {
      data[i] = value;
    }

    @Override
    public double round(double value) {
      return value;
    }
  }
}
