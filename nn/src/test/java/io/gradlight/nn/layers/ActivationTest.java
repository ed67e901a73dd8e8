package io.gradlight.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ActivationTest {

  @Test
  void parsesCliNamesAndCreatesTheLayers() {
    assertInstanceOf(ReLU.class, Activation.parse("relu").create());
    assertInstanceOf(Softplus.class, Activation.parse("Softplus").create());
    assertInstanceOf(SiLU.class, Activation.parse("silu").create());
    assertInstanceOf(GELU.class, Activation.parse("gelu").create());
    assertInstanceOf(Tanh.class, Activation.parse("TANH").create());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Activation.parse("swish"));
    assertEquals(
        "unknown activation 'swish'; expected one of relu, softplus, silu, gelu, tanh",
        e.getMessage());
  }

  @Test
  void eachLayerComputesItsFunction() {
    Variable x = Variable.constant(Tensor.of(new double[] {-2, -0.5, 0.5, 3}, 4));
    double[] in = x.value().f64();
    for (int i = 0; i < in.length; i++) {
      double v = in[i];
      double sigmoid = 1 / (1 + Math.exp(-v));
      assertEquals(Math.max(v, 0), new ReLU().forward(x).value().get(i), 1e-15);
      assertEquals(v > 0 ? v : 0.01 * v, new LeakyReLU().forward(x).value().get(i), 1e-15);
      assertEquals(Math.log1p(Math.exp(v)), new Softplus().forward(x).value().get(i), 1e-15);
      assertEquals(
          Math.log1p(Math.exp(2 * v)) / 2, new Softplus(2).forward(x).value().get(i), 1e-15);
      assertEquals(v * sigmoid, new SiLU().forward(x).value().get(i), 1e-15);
      assertEquals(Math.tanh(v), new Tanh().forward(x).value().get(i), 1e-15);
    }
    // GELU(x) = x Phi(x); Phi(-0.5) = 0.3085375387259869, Phi(3) = 0.9986501019683699 (tables).
    assertEquals(-0.5 * 0.3085375387259869, new GELU().forward(x).value().get(1), 1e-15);
    assertEquals(3 * 0.9986501019683699, new GELU().forward(x).value().get(3), 1e-15);
  }
}
