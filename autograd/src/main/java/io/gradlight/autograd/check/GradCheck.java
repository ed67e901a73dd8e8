package io.gradlight.autograd.check;

import io.gradlight.autograd.Autograd;
import io.gradlight.autograd.Variable;
import io.gradlight.autograd.VariableFunction;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks an analytical gradient against finite differences, PyTorch's {@code gradcheck}:
 *
 * <ul>
 *   <li>the numerical Jacobian, column by column, by central differences
 *       {@code (f(x + eps e_j) - f(x - eps e_j)) / (2 eps)};
 *   <li>the analytical Jacobian, row by row, by one backward per output element with a one-hot
 *       gradOutput;
 *   <li>they agree when {@code |analytical - numerical| <= atol + rtol |numerical|} for every
 *       entry (defaults {@code eps = 1e-6}, {@code atol = 1e-5}, {@code rtol = 1e-3}, PyTorch's);
 *   <li>reentrancy: a second backward gives bitwise the same Jacobian;
 *   <li>a zero gradOutput gives exactly zero gradients (the backward multiplies by it).
 * </ul>
 *
 * Inputs must be F64: in F32 the differences at {@code eps = 1e-6} are rounding noise. Evaluate
 * away from kinks (ReLU at 0, ties of max): there the function is not differentiable and the
 * check may rightly fail. The cost is two evaluations per input element plus one backward per
 * output element: for small tensors.
 *
 * <pre>{@code
 * GradCheck.assertPasses(xs -> xs[0].mul(xs[1]).tanh().sum(), a, b);
 * }</pre>
 */
public final class GradCheck {
  /** The finite-difference step, the absolute and the relative tolerance. */
  public record Tolerances(double eps, double atol, double rtol) {
    public static final Tolerances DEFAULT = new Tolerances(1e-6, 1e-5, 1e-3);

    public Tolerances {
      if (!(eps > 0) || !(atol >= 0) || !(rtol >= 0)) {
        throw new IllegalArgumentException("gradcheck needs eps > 0, atol >= 0 and rtol >= 0, got "
            + eps + ", " + atol + ", " + rtol);
      }
    }
  }

  private GradCheck() {}

  /** Checks {@code f} at {@code inputs} (all differentiated) with the default tolerances. */
  public static GradCheckResult check(VariableFunction f, Tensor... inputs) {
    return check(f, Tolerances.DEFAULT, defaultNames(inputs.length), inputs);
  }

  /** Throws an {@link AssertionError} with the report unless the check passes. */
  public static void assertPasses(VariableFunction f, Tensor... inputs) {
    GradCheckResult r = check(f, inputs);
    if (!r.passed()) {
      throw new AssertionError("gradcheck failed: " + r.report());
    }
  }

  /** Checks {@code f} with the given tolerances; {@code names} name the inputs in reports. */
  public static GradCheckResult check(
      VariableFunction f, Tolerances tol, List<String> names, Tensor... inputs) {
    if (names.size() != inputs.length) {
      throw new IllegalArgumentException(
          "gradcheck: " + names.size() + " names for " + inputs.length + " inputs");
    }
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i].dtype() != DType.F64) {
        throw new IllegalArgumentException("gradcheck needs F64 inputs (finite differences at eps "
            + tol.eps() + " are rounding noise in F32); " + names.get(i) + " is "
            + inputs[i].dtype());
      }
    }
    Variable[] leaves = leaves(inputs);
    Variable y = f.apply(leaves);
    if (y.dtype() != DType.F64) {
      throw new IllegalArgumentException("gradcheck needs an F64 output, got " + y.dtype());
    }
    Collector c = new Collector();
    double[][][] numerical = numericalJacobian(f, inputs, y.size(), tol.eps());
    double[][][] analytical = analyticalJacobian(y, leaves);
    double[][][] again = analyticalJacobian(y, leaves);
    for (int i = 0; i < inputs.length; i++) {
      Tensor x = inputs[i];
      for (int j = 0; j < x.size(); j++) {
        for (int k = 0; k < y.size(); k++) {
          double a = analytical[i][j][k];
          double n = numerical[i][j][k];
          if (!(Math.abs(a - n) <= tol.atol() + tol.rtol() * Math.abs(n))) {
            c.add("jacobian", names.get(i), x, j, k, n, a);
          }
          if (Double.doubleToLongBits(a) != Double.doubleToLongBits(again[i][j][k])) {
            c.add("reentrant", names.get(i), x, j, k, a, again[i][j][k]);
          }
        }
      }
    }
    checkZeroGradOutput(y, leaves, names, c);
    return c.result();
  }

  static List<String> defaultNames(int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add("input " + i);
    }
    return names;
  }

  private static Variable[] leaves(Tensor[] inputs) {
    Variable[] leaves = new Variable[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      leaves[i] = Variable.leaf(inputs[i]);
    }
    return leaves;
  }

  /** {@code [input][element][output]}: central differences, one input element at a time. */
  private static double[][][] numericalJacobian(
      VariableFunction f, Tensor[] inputs, int outputs, double eps) {
    double[][][] jac = new double[inputs.length][][];
    for (int i = 0; i < inputs.length; i++) {
      jac[i] = new double[inputs[i].size()][];
      for (int j = 0; j < inputs[i].size(); j++) {
        double[] plus = evaluate(f, inputs, i, j, eps);
        double[] minus = evaluate(f, inputs, i, j, -eps);
        if (plus.length != outputs || minus.length != outputs) {
          throw new IllegalStateException("gradcheck: the output size changed from " + outputs
              + " to " + plus.length + " when input " + i + " was perturbed");
        }
        jac[i][j] = new double[outputs];
        for (int k = 0; k < outputs; k++) {
          jac[i][j][k] = (plus[k] - minus[k]) / (2 * eps);
        }
      }
    }
    return jac;
  }

  private static double[] evaluate(VariableFunction f, Tensor[] inputs, int i, int j, double d) {
    Tensor[] moved = inputs.clone();
    moved[i] = inputs[i].copy();
    moved[i].f64()[j] += d;
    return f.apply(leaves(moved)).value().toDoubleArray();
  }

  /** {@code [input][element][output]}: one backward per output element, with a one-hot seed. */
  private static double[][][] analyticalJacobian(Variable y, Variable[] leaves) {
    double[][][] jac = new double[leaves.length][][];
    for (int i = 0; i < leaves.length; i++) {
      jac[i] = new double[leaves[i].size()][y.size()];
    }
    if (!y.requiresGrad()) {
      return jac; // the output does not depend on any input: the Jacobian is zero
    }
    for (int k = 0; k < y.size(); k++) {
      Tensor seed = y.value().zerosLike();
      seed.f64()[k] = 1;
      List<Variable> g = backward(y, leaves, seed);
      for (int i = 0; i < leaves.length; i++) {
        double[] gi = g.get(i).value().toDoubleArray();
        for (int j = 0; j < gi.length; j++) {
          jac[i][j][k] = gi[j];
        }
      }
    }
    return jac;
  }

  private static List<Variable> backward(Variable y, Variable[] leaves, Tensor seed) {
    return Autograd.grad(List.of(y), Arrays.asList(leaves), List.of(Variable.constant(seed)),
        new Autograd.Options(false, true, true));
  }

  private static void checkZeroGradOutput(
      Variable y, Variable[] leaves, List<String> names, Collector c) {
    if (!y.requiresGrad()) {
      return;
    }
    List<Variable> g = backward(y, leaves, y.value().zerosLike());
    for (int i = 0; i < leaves.length; i++) {
      Variable gi = g.get(i);
      if (!gi.shape().equals(leaves[i].shape()) || gi.dtype() != leaves[i].dtype()) {
        c.add("shape", names.get(i) + " (gradient " + gi.dtype() + " " + gi.shape() + ")",
            leaves[i].value(), 0, -1, 0, 0);
        continue;
      }
      double[] v = gi.value().toDoubleArray();
      for (int j = 0; j < v.length; j++) {
        if (v[j] != 0) {
          c.add("zero gradOutput", names.get(i), leaves[i].value(), j, -1, 0, v[j]);
        }
      }
    }
  }

  /** Gathers mismatches, keeping the first few for the report. */
  private static final class Collector {
    private final List<GradCheckResult.Mismatch> kept = new ArrayList<>();
    private int count;

    void add(String check, String input, Tensor x, int j, int k, double expected, double actual) {
      count++;
      if (kept.size() < GradCheckResult.MAX_REPORTED) {
        kept.add(new GradCheckResult.Mismatch(
            check, input, j, unflatten(j, x.shape().dims()), k, expected, actual));
      }
    }

    GradCheckResult result() {
      return new GradCheckResult(count == 0, kept, count);
    }
  }

  static int[] unflatten(int flat, int[] dims) {
    int[] index = new int[dims.length];
    for (int a = dims.length - 1; a >= 0; a--) {
      index[a] = dims[a] == 0 ? 0 : flat % dims[a];
      flat = dims[a] == 0 ? 0 : flat / dims[a];
    }
    return index;
  }
}
