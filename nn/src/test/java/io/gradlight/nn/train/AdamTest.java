package io.gradlight.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Parameter;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adam steps against the rule in {@link Adam}'s javadoc worked out by hand for one scalar. */
class AdamTest {
  private static final double TIGHT = 1e-15;

  private static void step(Adam adam, Parameter p, double g) {
    p.zeroGrad();
    p.variable().mul(g).sum().backward();
    adam.step();
  }

  @Test
  void twoStepsByHand() {
    Parameter p = new Parameter(Tensor.of(new double[] {1.0}, 1));
    Adam adam = new Adam(List.of(p), 0.1, 0);
    // step 1, g = 0.5: m = 0.05, v = 0.00025; step size 0.1 / (1 - 0.9) = 1;
    // denominator sqrt(0.00025) / sqrt(0.001) + 1e-8 = 0.5 + 1e-8
    step(adam, p, 0.5);
    double p1 = 1.0 - 0.05 / (0.5 + 1e-8);
    assertEquals(p1, p.value().item(), TIGHT);
    // step 2, g = 0.25: m = 0.045 + 0.025 = 0.07, v = 0.00024975 + 0.0000625 = 0.00031225;
    // step size 0.1 / 0.19; denominator sqrt(0.00031225) / sqrt(0.001999) + 1e-8
    step(adam, p, 0.25);
    double p2 = p1 - (0.1 / 0.19) * 0.07 / (Math.sqrt(0.00031225) / Math.sqrt(0.001999) + 1e-8);
    assertEquals(p2, p.value().item(), 1e-14);
  }

  @Test
  void weightDecayIsAddedToTheGradient() {
    Parameter p = new Parameter(Tensor.of(new double[] {2.0}, 1));
    Adam adam = new Adam(List.of(p), 0.01, 0.8, 0.9, 1e-3, 0.5);
    // g = 0.1 + 0.5 * 2 = 1.1; m = 0.2 * 1.1 = 0.22; v = 0.1 * 1.21 = 0.121;
    // step size 0.01 / 0.2 = 0.05; denominator sqrt(0.121) / sqrt(0.1) + 1e-3 = 1.1 + 1e-3
    step(adam, p, 0.1);
    assertEquals(2.0 - 0.05 * 0.22 / (1.1 + 1e-3), p.value().item(), 1e-15);
  }

  @Test
  void firstStepMovesEachElementByAboutTheLearningRate() {
    Parameter p = new Parameter(Tensor.of(new float[] {0, 0, 0}, 3));
    Adam adam = new Adam(List.of(p), 0.01, 0);
    Tensor g = Tensor.of(new float[] {3, -0.001f, 200}, 3);
    p.variable().mul(Variable.constant(g)).sum().backward();
    adam.step();
    assertEquals(DType.F32, p.dtype());
    assertArrayEquals(new double[] {-0.01, 0.01, -0.01}, p.value().toDoubleArray(), 1e-6);
  }

  @Test
  void rejectsBadBetas() {
    List<Parameter> ps = List.of(new Parameter(Tensor.of(new double[] {1}, 1)));
    assertThrows(IllegalArgumentException.class, () -> new Adam(ps, 0.1, 1.0, 0.999, 1e-8, 0));
    assertThrows(IllegalArgumentException.class, () -> new Adam(ps, 0.1, 0.9, -0.1, 1e-8, 0));
    assertThrows(IllegalArgumentException.class, () -> new Adam(ps, 0.1, 0.9, 0.999, -1, 0));
  }
}
