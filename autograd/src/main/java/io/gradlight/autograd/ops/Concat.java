package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Tensor;

/**
 * {@code y = concat(axis, parts)}. VJP: part {@code i} gets the slice of {@code gy} along
 * {@code axis} where it sits. Saves nothing (the part sizes are in the input shapes).
 */
public final class Concat extends Function {
  private final int axis;

  private Concat(int axis) {
    this.axis = axis;
  }

  public static Variable apply(int axis, Variable... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("concat: needs at least one part");
    }
    Tensor[] values = new Tensor[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = parts[i].value();
    }
    Tensor y = Tensor.concat(axis, values);
    int a = parts[0].shape().axis(axis);
    return record(y, () -> new Concat(a), parts);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    Variable[] g = new Variable[inputCount()];
    int offset = 0;
    for (int i = 0; i < g.length; i++) {
      int size = inputShape(i).dim(axis);
      g[i] = needsGrad(i) ? gy.slice(axis, offset, offset + size) : null;
      offset += size;
    }
    return g;
  }
}
