package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.ReluRule;
import io.gradlight.autograd.Variable;

/**
 * {@code y = max(x, 0)}.
 *
 * <p>VJP: {@code gx = ReluBackward(gy, y)}, that is {@code gy} where {@code y > 0}, else 0
 * (PyTorch's {@code threshold_backward(grad, result, 0)}). The rule is the thread's current
 * {@link ReluRule}: Guided Backprop and DeconvNet swap it for a scope. Saves the output
 * {@code y}.
 */
public final class Relu extends Function {

  private Relu() {
    saveOutput();
  }

  public static Variable apply(Variable x) {
    return record(x.value().relu(), Relu::new, x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    return grads(ReluRule.current().backward(gy, output()));
  }
}
