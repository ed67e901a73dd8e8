package io.gradlight.nn;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;

/**
 * A floating-point tensor of a {@link Module}'s state that is not learned by gradient descent, like
 * BatchNorm's {@code running_mean}: saved and loaded with the state dict, converted by {@link
 * Module#to}, never differentiated.
 */
public final class Buffer implements StateEntry {
  private Tensor value;

  /** A buffer holding {@code value}. */
  public Buffer(Tensor value) {
    if (value == null) {
      throw new IllegalArgumentException("a Buffer needs a value, got null");
    }
    this.value = value;
  }

  public Tensor value() {
    return value;
  }

  public Shape shape() {
    return value.shape();
  }

  public DType dtype() {
    return value.dtype();
  }

  /** Replaces the value by {@code value}, of the same shape and dtype. */
  public void set(Tensor value) {
    if (value == null || !value.shape().equals(shape()) || value.dtype() != dtype()) {
      throw new IllegalArgumentException(
          "Buffer.set: expected a "
              + dtype()
              + " tensor of shape "
              + shape()
              + ", got "
              + (value == null ? "null" : value.dtype() + " " + value.shape()));
    }
    this.value = value;
  }

  void to(DType dtype) {
    value = value.to(dtype);
  }

  @Override
  public String toString() {
    return "Buffer(" + dtype() + ", " + shape() + ")";
  }
}
