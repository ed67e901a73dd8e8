package io.gradlight.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlight.autograd.check.GradCheck;
import io.gradlight.autograd.check.GradGradCheck;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The README's autograd example, verbatim but for the assertions. */
class ReadmeExampleTest {

  @Test
  void gradientSecondDerivativeAndGradCheck() {
    // f(x) = x tanh(x)
    Variable x = Variable.leaf(Tensor.scalar(DType.F64, 0.5));
    Variable y = x.mul(x.tanh());
    Variable dy = Autograd.grad(y, x, true);   // f'(x), recorded so it can be differentiated
    Variable d2y = Autograd.grad(dy, x);        // f''(x)

    Tensor points = Tensor.of(new double[] {0.5, -1.2, 2.0}, 3);
    GradCheck.assertPasses(v -> v[0].mul(v[0].tanh()), points);
    GradGradCheck.assertPasses(v -> v[0].mul(v[0].tanh()), points);

    double t = Math.tanh(0.5);
    assertEquals(t + 0.5 * (1 - t * t), dy.value().item(), 1e-15);
    assertEquals(2 * (1 - t * t) * (1 - 0.5 * t), d2y.value().item(), 1e-15);
  }
}
