package io.gradlight.autograd;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradients as values: {@code grad(outputs, inputs, gradOutputs, ...)} returns
 * {@code sum_k gradOutputs[k]^T d outputs[k] / d inputs[i]} for each input, without touching any
 * leaf's {@link Variable#grad()} (PyTorch's {@code torch.autograd.grad}).
 *
 * <ul>
 *   <li>{@code gradOutputs}: the vectors of the vector-Jacobian products, one per output, of the
 *       output's shape; null (or a null entry) means 1 and is allowed only for a scalar output.
 *   <li>{@code createGraph}: record the backward, so the returned gradients can be differentiated
 *       again (second and higher derivatives). Off, the backward records nothing.
 *   <li>{@code retainGraph}: keep the saved values so the same graph can be differentiated again;
 *       defaults to {@code createGraph}. Without it, a second backward through the graph fails.
 *   <li>{@code allowUnused}: an input the outputs do not depend on gets a zero gradient instead of
 *       an error. (An input that is connected but receives no gradient, as through ReLU's mask,
 *       always gets zeros.)
 * </ul>
 */
public final class Autograd {
  private Autograd() {}

  /** The flags of a {@code grad} call. */
  public record Options(boolean createGraph, boolean retainGraph, boolean allowUnused) {
    /** First-order, graph released, unused inputs an error. */
    public static final Options DEFAULT = new Options(false, false, false);

    /** {@code createGraph} with {@code retainGraph} following it, as in PyTorch. */
    public static Options createGraph(boolean createGraph) {
      return new Options(createGraph, createGraph, false);
    }

    public Options withRetainGraph(boolean retain) {
      return new Options(createGraph, retain, allowUnused);
    }

    public Options withAllowUnused(boolean allow) {
      return new Options(createGraph, retainGraph, allow);
    }
  }

  /** {@code grad} with {@code retainGraph = createGraph} and unused inputs an error. */
  public static List<Variable> grad(List<Variable> outputs, List<Variable> inputs,
      List<Variable> gradOutputs, boolean createGraph) {
    return grad(outputs, inputs, gradOutputs, Options.createGraph(createGraph));
  }

  /** {@code grad} with {@code retainGraph = createGraph}. */
  public static List<Variable> grad(List<Variable> outputs, List<Variable> inputs,
      List<Variable> gradOutputs, boolean createGraph, boolean allowUnused) {
    return grad(outputs, inputs, gradOutputs,
        Options.createGraph(createGraph).withAllowUnused(allowUnused));
  }

  /** The general form: one gradient per input, each of the input's shape and dtype. */
  public static List<Variable> grad(List<Variable> outputs, List<Variable> inputs,
      List<Variable> gradOutputs, Options options) {
    return Collections.unmodifiableList(Engine.run("grad", outputs, gradOutputs, inputs,
        options.createGraph(), options.retainGraph(), options.allowUnused()));
  }

  /** {@code d output / d input} for a scalar output, first order. */
  public static Variable grad(Variable output, Variable input) {
    return grad(output, input, false);
  }

  /** {@code d output / d input} for a scalar output, recorded when {@code createGraph}. */
  public static Variable grad(Variable output, Variable input, boolean createGraph) {
    return grad(List.of(output), List.of(input), null, createGraph).get(0);
  }

  /**
   * The bytes the graph behind {@code outputs} keeps for its backward: each saved tensor or index
   * array counted once, even when several nodes share it (a reshape shares its input's storage).
   */
  public static long savedBytes(Variable... outputs) {
    Map<Object, Boolean> arrays = new IdentityHashMap<>();
    Map<Node, Boolean> seen = new IdentityHashMap<>();
    Deque<Node> todo = new ArrayDeque<>();
    for (Variable y : outputs) {
      if (y.gradFn() != null && seen.put(y.gradFn(), Boolean.TRUE) == null) {
        todo.push(y.gradFn());
      }
    }
    long bytes = 0;
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (n instanceof Function f) {
        for (Object array : f.savedStorage()) {
          if (arrays.put(array, Boolean.TRUE) == null) {
            bytes += Function.bytesOf(array);
          }
        }
      }
      for (Node m : n.next) {
        if (m != null && seen.put(m, Boolean.TRUE) == null) {
          todo.push(m);
        }
      }
    }
    return bytes;
  }

  /** The number of graph nodes created in this JVM so far (a diagnostic for tests). */
  public static long nodesCreated() {
    return Node.created();
  }
}
