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

/**
 * SGD steps against values worked out by hand from the update rule in {@link Sgd}'s javadoc
 * (PyTorch's): p = [1, -2], constant gradient g = [0.5, 0.25].
 */
class SgdTest {
  private static final double TIGHT = 1e-15;
  private static final double[] G = {0.5, 0.25};

  private static Parameter parameter() {
    return new Parameter(Tensor.of(new double[] {1, -2}, 2));
  }

  /** Sets the gradient of {@code p} to g, as a backward of {@code g . p} would. */
  private static void setGradient(Parameter p, double[] g) {
    p.zeroGrad();
    p.variable().mul(Variable.constant(Tensor.of(g, g.length).to(p.dtype()))).sum().backward();
  }

  private static double[] twoSteps(Sgd sgd, Parameter p) {
    for (int step = 0; step < 2; step++) {
      setGradient(p, G);
      sgd.step();
    }
    return p.value().toDoubleArray();
  }

  @Test
  void plainStepIsMinusLearningRateTimesGradient() {
    Parameter p = parameter();
    Sgd sgd = new Sgd(List.of(p), 0.1, 0, 0);
    assertArrayEquals(new double[] {1 - 2 * 0.05, -2 - 2 * 0.025}, twoSteps(sgd, p), TIGHT);
  }

  @Test
  void momentumAndWeightDecay() {
    // step 1: d = g + 0.01 p = [0.51, 0.23]; b = d; p = p - 0.1 d = [0.949, -2.023]
    // step 2: d = g + 0.01 p = [0.50949, 0.22977]; b = 0.9 [0.51, 0.23] + d = [0.96849, 0.43677]
    //         p = [0.949 - 0.096849, -2.023 - 0.043677]
    Parameter p = parameter();
    Sgd sgd = new Sgd(List.of(p), 0.1, 0.9, 0.01);
    assertArrayEquals(new double[] {0.852151, -2.066677}, twoSteps(sgd, p), 1e-12);
  }

  @Test
  void dampeningScalesTheNewGradientAfterTheFirstStep() {
    // step 1: b = g (no dampening on the first step); p = [0.95, -2.025]
    // step 2: b = 0.9 g + 0.5 g = 1.4 g; p = p - 0.1 * 1.4 g = [0.88, -2.06]
    Parameter p = parameter();
    Sgd sgd = new Sgd(List.of(p), 0.1, 0.9, 0.5, 0, false);
    assertArrayEquals(new double[] {0.88, -2.06}, twoSteps(sgd, p), 1e-12);
  }

  @Test
  void nesterov() {
    // step 1: b = g; d = g + 0.9 b = 1.9 g; p = p - 0.19 g = [0.905, -2.0475]
    // step 2: b = 0.9 g + g = 1.9 g; d = g + 0.9 * 1.9 g = 2.71 g; p = p - 0.271 g
    Parameter p = parameter();
    Sgd sgd = new Sgd(List.of(p), 0.1, 0.9, 0, 0, true);
    assertArrayEquals(new double[] {0.905 - 0.1355, -2.0475 - 0.06775}, twoSteps(sgd, p), 1e-12);
  }

  @Test
  void float32AgreesWithFloat64ToFloatRounding() {
    Parameter p64 = parameter();
    Parameter p32 = new Parameter(p64.value().to(DType.F32));
    double[] wide = twoSteps(new Sgd(List.of(p64), 0.1, 0.9, 0.01), p64);
    double[] narrow = twoSteps(new Sgd(List.of(p32), 0.1, 0.9, 0.01), p32);
    assertArrayEquals(wide, narrow, 1e-6);
  }

  @Test
  void skipsParametersWithoutGradient() {
    Parameter p = parameter();
    Parameter untouched = parameter();
    Sgd sgd = new Sgd(List.of(p, untouched), 0.1, 0.9, 0.01);
    setGradient(p, G);
    setGradient(untouched, G);
    untouched.setRequiresGrad(false);
    sgd.step();
    assertArrayEquals(new double[] {1, -2}, untouched.value().toDoubleArray());
    assertArrayEquals(new double[] {0.949, -2.023}, p.value().toDoubleArray(), 1e-12);
    assertEquals(null, p.grad(), "a step leaves a fresh leaf without gradient");
  }

  @Test
  void rejectsBadHyperparameters() {
    List<Parameter> ps = List.of(parameter());
    assertThrows(IllegalArgumentException.class, () -> new Sgd(ps, -0.1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Sgd(ps, 0.1, -0.9, 0));
    assertThrows(IllegalArgumentException.class, () -> new Sgd(ps, 0.1, 0.9, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new Sgd(ps, 0.1, 0, 0, 0, true));
  }
}
