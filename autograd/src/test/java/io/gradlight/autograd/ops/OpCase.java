package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.VariableFunction;
import io.gradlight.tensor.Tensor;

/** One registry entry: an op class, a function whose graph contains it, and F64 inputs. */
record OpCase(Class<? extends Function> op, String label, VariableFunction f, Tensor... inputs) {
  @Override
  public String toString() {
    return op.getSimpleName() + " " + label;
  }
}
