package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/**
 * {@code y = e^x}. VJP: {@code gx = gy * y}. Saves the output {@code y} (PyTorch's
 * {@code result}); since {@code y} is itself this op's output, differentiating again multiplies
 * by {@code y} once more: every derivative of exp is exp.
 */
public final class Exp extends Function {

  private Exp() {
    saveOutput();
  }

  public static Variable apply(Variable x) {
    return record(x.value().exp(), Exp::new, x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    return grads(gy.mul(output()));
  }
}
