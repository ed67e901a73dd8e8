package io.gradlight.autograd;

import static io.gradlight.autograd.TestTensors.distinct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Second and third derivatives against closed forms, and the symmetry of a network's Hessian.
 * Elementwise functions are separable, so {@code grad(sum f'(x), x) = f''(x)} elementwise.
 */
class HigherDerivativesTest {
  private static final double RELATIVE = 1e-12;
  private static final double[] POINTS = {-3.1, -1.2, -0.4, 0.3, 0.9, 2.2, 4.5};
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  /** {@code {f', f'', f'''}} of {@code f} at each point, by nested reverse mode. */
  private static double[][] derivatives(UnaryOperator<Variable> f) {
    Variable x = Variable.leaf(Tensor.of(POINTS, POINTS.length));
    Variable d1 = Autograd.grad(f.apply(x).sum(), x, true);
    Variable d2 = Autograd.grad(d1.sum(), x, true);
    Variable d3 = Autograd.grad(d2.sum(), x, false);
    return new double[][] {
        d1.value().toDoubleArray(), d2.value().toDoubleArray(), d3.value().toDoubleArray()};
  }

  private static void check(UnaryOperator<Variable> f, DoubleUnaryOperator... closedForms) {
    double[][] d = derivatives(f);
    for (int order = 0; order < 3; order++) {
      for (int i = 0; i < POINTS.length; i++) {
        double expected = closedForms[order].applyAsDouble(POINTS[i]);
        assertEquals(expected, d[order][i], RELATIVE * Math.max(1, Math.abs(expected)),
            "derivative " + (order + 1) + " at " + POINTS[i]);
      }
    }
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  @Test
  void cubeThirdDerivativeIsSix() {
    check(x -> x.pow(3), x -> 3 * x * x, x -> 6 * x, x -> 6);
    check(x -> x.mul(x).mul(x), x -> 3 * x * x, x -> 6 * x, x -> 6);
  }

  @Test
  void exp() {
    check(Variable::exp, Math::exp, Math::exp, Math::exp);
  }

  @Test
  void softplus() {
    check(Variable::softplus,
        HigherDerivativesTest::sigmoid,
        x -> sigmoid(x) * (1 - sigmoid(x)),
        x -> sigmoid(x) * (1 - sigmoid(x)) * (1 - 2 * sigmoid(x)));
  }

  @Test
  void softplusWithBeta() {
    double b = 2.5;
    check(x -> x.softplus(b),
        x -> sigmoid(b * x),
        x -> b * sigmoid(b * x) * (1 - sigmoid(b * x)),
        x -> b * b * sigmoid(b * x) * (1 - sigmoid(b * x)) * (1 - 2 * sigmoid(b * x)));
  }

  @Test
  void tanh() {
    check(Variable::tanh,
        x -> 1 - Math.tanh(x) * Math.tanh(x),
        x -> -2 * Math.tanh(x) * (1 - Math.tanh(x) * Math.tanh(x)),
        x -> (6 * Math.tanh(x) * Math.tanh(x) - 2) * (1 - Math.tanh(x) * Math.tanh(x)));
  }

  @Test
  void sigmoid() {
    check(Variable::sigmoid,
        x -> sigmoid(x) * (1 - sigmoid(x)),
        x -> sigmoid(x) * (1 - sigmoid(x)) * (1 - 2 * sigmoid(x)),
        x -> sigmoid(x) * (1 - sigmoid(x)) * (1 - 6 * sigmoid(x) + 6 * sigmoid(x) * sigmoid(x)));
  }

  @Test
  void gelu() {
    // y = x Phi(x): y' = Phi + x phi, y'' = phi (2 - x^2), y''' = phi (x^3 - 4x)
    DoubleUnaryOperator phi = x -> Math.exp(-x * x / 2) * INV_SQRT_2PI;
    double[][] d = derivatives(Variable::gelu);
    for (int i = 0; i < POINTS.length; i++) {
      double x = POINTS[i];
      double d2 = phi.applyAsDouble(x) * (2 - x * x);
      double d3 = phi.applyAsDouble(x) * (x * x * x - 4 * x);
      assertEquals(d2, d[1][i], RELATIVE, "gelu'' at " + x);
      assertEquals(d3, d[2][i], RELATIVE, "gelu''' at " + x);
    }
    // y' needs Phi: compare with the derivative of the value by central differences instead
    Variable x = Variable.leaf(Tensor.of(POINTS, POINTS.length));
    double h = 1e-5;
    double[] plus = x.value().add(h).toDoubleArray();
    double[] minus = x.value().sub(h).toDoubleArray();
    Tensor up = Variable.constant(Tensor.of(plus, plus.length)).gelu().value();
    Tensor down = Variable.constant(Tensor.of(minus, minus.length)).gelu().value();
    assertTrue(up.sub(down).div(2 * h).allClose(Tensor.of(d[0], d[0].length), 1e-8, 1e-9));
  }

  @Test
  void reluNetworksHaveZeroCurvatureAlmostEverywhere() {
    Variable x = Variable.leaf(distinct(1, 1, 2, 5, 5));
    Variable w = Variable.constant(distinct(2, 3, 2, 3, 3));
    Variable s = x.conv2d(w, null, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1})
        .relu().maxPool2d(new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0})
        .globalAvgPool().sum();
    Variable g = Autograd.grad(s, x, true);
    Variable h = Autograd.grad(List.of(g.square().sum()), List.of(x), null, false).get(0);
    // d/dx sum g^2 = 2 H g = 0 because H = 0
    assertEquals(0.0, h.value().abs().maxValue(), 0);
    assertTrue(g.value().abs().maxValue() > 0);
  }

  @Test
  void hessianOfASmallNetworkIsSymmetric() {
    Tensor x0 = distinct(3, 1, 2, 4, 4);
    Variable w1 = Variable.constant(distinct(4, 0.5, 3, 2, 3, 3));
    Variable w2 = Variable.constant(distinct(5, 4, 3));
    UnaryOperator<Variable> net = x -> x
        .conv2d(w1, null, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1})
        .softplus().avgPool2d(new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0})
        .tanh().globalAvgPool().matmul(w2.transpose(0, 1)).logSoftmax(1)
        .slice(1, 2, 3).sum();
    Variable x = Variable.leaf(x0);
    Variable g = Autograd.grad(net.apply(x), x, true);
    int n = x0.size();
    double[][] hessian = new double[n][];
    Autograd.Options keep = new Autograd.Options(false, true, false);
    for (int i = 0; i < n; i++) {
      Tensor e = Tensor.zeros(DType.F64, x0.shape());
      e.f64()[i] = 1;
      Variable gi = g.mul(Variable.constant(e)).sum();
      hessian[i] =
          Autograd.grad(List.of(gi), List.of(x), null, keep).get(0).value().toDoubleArray();
    }
    double largest = 0;
    for (double[] row : hessian) {
      for (double v : row) {
        largest = Math.max(largest, Math.abs(v));
      }
    }
    assertTrue(largest > 1e-3);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        assertEquals(hessian[i][j], hessian[j][i], 1e-12 * largest, "H[" + i + "][" + j + "]");
      }
    }
  }
}
