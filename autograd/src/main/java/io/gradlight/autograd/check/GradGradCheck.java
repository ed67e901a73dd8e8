package io.gradlight.autograd.check;

import io.gradlight.autograd.Autograd;
import io.gradlight.autograd.Variable;
import io.gradlight.autograd.VariableFunction;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Checks second derivatives, PyTorch's {@code gradgradcheck}: with a random gradOutput {@code v}
 * (which itself requires grad), the first-order gradient
 *
 * <pre>
 *   g(x, v) = v^T df/dx (x)     = Autograd.grad(f(x), x, v, createGraph = true)
 * </pre>
 *
 * is a differentiable function of both {@code x} and {@code v}; {@link GradCheck} is run on it,
 * so the backward of the backward is compared with finite differences of the backward, with
 * respect to the inputs and to the gradOutput. The gradients of all inputs are flattened and
 * concatenated into the one output of {@code g}. Applying the same construction to {@code g}
 * checks third derivatives.
 */
public final class GradGradCheck {
  /** The seed of the random gradOutput when none is given. */
  public static final long SEED = 20_240_531L;

  private GradGradCheck() {}

  /** Checks with a gradOutput drawn uniformly from [-1, 1) with a fixed seed. */
  public static GradCheckResult check(VariableFunction f, Tensor... inputs) {
    return check(f, inputs, randomGradOutput(f, inputs));
  }

  /** Checks with the given gradOutput (shaped like {@code f}'s output). */
  public static GradCheckResult check(VariableFunction f, Tensor[] inputs, Tensor gradOutput) {
    Tensor[] all = Arrays.copyOf(inputs, inputs.length + 1);
    all[inputs.length] = gradOutput;
    List<String> names = new ArrayList<>(GradCheck.defaultNames(inputs.length));
    names.add("gradOutput");
    return GradCheck.check(firstDerivative(f), GradCheck.Tolerances.DEFAULT, names, all);
  }

  /** Throws an {@link AssertionError} with the report unless the check passes. */
  public static void assertPasses(VariableFunction f, Tensor... inputs) {
    GradCheckResult r = check(f, inputs);
    if (!r.passed()) {
      throw new AssertionError("gradgradcheck failed: " + r.report());
    }
  }

  /**
   * {@code (x..., v) -> concat(flatten(v^T df/dx_i) for each i)}: the function whose Jacobian
   * holds the second derivatives. Inputs the output does not depend on contribute zeros.
   */
  public static VariableFunction firstDerivative(VariableFunction f) {
    return all -> {
      Variable[] xs = Arrays.copyOf(all, all.length - 1);
      Variable v = all[all.length - 1];
      Variable y = f.apply(xs);
      List<Variable> grads = y.requiresGrad()
          ? Autograd.grad(List.of(y), Arrays.asList(xs), List.of(v), true, true)
          : zeros(xs);
      Variable[] flat = new Variable[grads.size()];
      for (int i = 0; i < flat.length; i++) {
        flat[i] = grads.get(i).reshape(-1);
      }
      return Variable.concat(0, flat);
    };
  }

  private static List<Variable> zeros(Variable[] xs) {
    List<Variable> z = new ArrayList<>();
    for (Variable x : xs) {
      z.add(Variable.constant(x.value().zerosLike()));
    }
    return z;
  }

  private static Tensor randomGradOutput(VariableFunction f, Tensor[] inputs) {
    Variable[] constants = new Variable[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      constants[i] = Variable.constant(inputs[i]);
    }
    Variable y = f.apply(constants);
    return Tensor.uniform(y.dtype(), y.shape(), -1, 1, new SplittableRandom(SEED));
  }
}
