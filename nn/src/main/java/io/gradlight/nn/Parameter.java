package io.gradlight.nn;

import io.gradlight.autograd.Variable;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;

/**
 * A learnable tensor of a {@link Module}: a mutable holder of a leaf {@link Variable}.
 *
 * <p>Layers read {@link #variable()} in their forward pass, so {@code loss.backward()} accumulates
 * {@code d loss / d parameter} into the leaf, readable as {@link #grad()}. An optimizer computes
 * the new value from {@link #value()} and {@link #grad()} and stores it with {@link #set}, which
 * puts a fresh leaf in place (with no gradient: {@code set} also zeroes the gradient). Graphs built
 * before a {@code set} keep the old leaf and are unaffected.
 *
 * <p>{@link #setRequiresGrad(boolean) setRequiresGrad(false)} freezes the parameter: its leaf is
 * then a constant, so no backward computes its gradient (saliency methods that differentiate with
 * respect to the input or an activation only save that work this way).
 */
public final class Parameter implements StateEntry {
  private Variable variable;

  /** A parameter holding {@code value}, requiring grad. */
  public Parameter(Tensor value) {
    if (value == null) {
      throw new IllegalArgumentException("a Parameter needs a value, got null");
    }
    this.variable = Variable.leaf(value);
  }

  /** The leaf Variable the forward pass uses. */
  public Variable variable() {
    return variable;
  }

  public Tensor value() {
    return variable.value();
  }

  public Shape shape() {
    return variable.shape();
  }

  public DType dtype() {
    return variable.dtype();
  }

  public int size() {
    return variable.size();
  }

  /** Whether backward computes this parameter's gradient. */
  public boolean requiresGrad() {
    return variable.requiresGrad();
  }

  /** Freezes ({@code false}) or unfreezes the parameter; forgets any accumulated gradient. */
  public void setRequiresGrad(boolean requiresGrad) {
    variable = Variable.of(variable.value(), requiresGrad);
  }

  /** The gradient accumulated by {@code backward()} calls since the last set, or null. */
  public Tensor grad() {
    Variable g = variable.grad();
    return g == null ? null : g.value();
  }

  /** Forgets the accumulated gradient. */
  public void zeroGrad() {
    variable.zeroGrad();
  }

  /**
   * Replaces the value by {@code value}, of the same shape and dtype, as a new leaf with no
   * gradient.
   */
  public void set(Tensor value) {
    if (value == null || !value.shape().equals(shape()) || value.dtype() != dtype()) {
      throw new IllegalArgumentException(
          "Parameter.set: expected a "
              + dtype()
              + " tensor of shape "
              + shape()
              + ", got "
              + (value == null ? "null" : value.dtype() + " " + value.shape()));
    }
    variable = Variable.of(value, variable.requiresGrad());
  }

  /** Converts the value to {@code dtype} (a new leaf with no gradient if the dtype changes). */
  void to(DType dtype) {
    if (dtype != dtype()) {
      variable = Variable.of(value().to(dtype), variable.requiresGrad());
    }
  }

  @Override
  public String toString() {
    return "Parameter(" + dtype() + ", " + shape() + (requiresGrad() ? "" : ", frozen") + ")";
  }
}
