package io.gradlight.autograd;

import io.gradlight.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * The backward pass: reverse-mode differentiation of a recorded graph.
 *
 * <ol>
 *   <li>From the outputs' nodes, a depth-first walk (iterative, so deep graphs do not overflow
 *       the stack) finds the nodes that lie on a path to a wanted node: the inputs' nodes for
 *       {@link Autograd#grad}, every leaf accumulator for {@link Variable#backward()}. Only those
 *       run, and an op is asked only for the input gradients on such a path.
 *   <li>Dependency counting: each of those nodes waits for the gradients of all its consumers.
 *       Gradients arriving at one node from several consumers (fan-in) are summed, in a fixed
 *       order, before the node runs.
 *   <li>Ready nodes run newest first (by sequence number), so the order, and with it every
 *       floating-point sum, is the same on every run.
 * </ol>
 *
 * Everything runs with grad mode equal to {@code createGraph}: a first-order backward records no
 * node at all; with {@code createGraph} the ops of the backward are recorded and the returned
 * gradients can be differentiated again.
 */
final class Engine {
  private Engine() {}

  /**
   * Runs a backward pass. With {@code inputs == null} accumulates into leaf grads and returns
   * null; otherwise returns the gradients of the outputs with respect to each input.
   */
  static List<Variable> run(String caller, List<Variable> outputs, List<Variable> gradOutputs,
      List<Variable> inputs, boolean createGraph, boolean retainGraph, boolean allowUnused) {
    if (gradOutputs != null && gradOutputs.size() != outputs.size()) {
      throw new IllegalArgumentException(caller + ": " + outputs.size() + " outputs but "
          + gradOutputs.size() + " gradOutputs; give one per output (null for a scalar output)");
    }
    boolean accumulate = inputs == null;
    Map<Node, Boolean> targets = new IdentityHashMap<>();
    if (!accumulate) {
      for (int i = 0; i < inputs.size(); i++) {
        Variable x = inputs.get(i);
        if (!x.requiresGrad()) {
          throw new IllegalArgumentException(
              caller + ": inputs[" + i + "] " + x + " does not require grad");
        }
        targets.put(x.node(), Boolean.TRUE);
      }
    }
    List<Node> roots = new ArrayList<>();
    List<Variable> seeds = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      Variable y = outputs.get(i);
      if (!y.requiresGrad()) {
        throw new IllegalArgumentException(caller + ": outputs[" + i + "] " + y
            + " does not require grad: it was computed from Variables that do not require grad,"
            + " or with grad mode off");
      }
      roots.add(y.node());
      seeds.add(seed(caller, i, y, gradOutputs == null ? null : gradOutputs.get(i)));
    }

    Map<Node, Boolean> needed = findNeeded(roots, n -> accumulate
        ? n instanceof LeafAccumulator : targets.containsKey(n));
    Map<Node, int[]> dependencies = new IdentityHashMap<>();
    for (Map.Entry<Node, Boolean> e : needed.entrySet()) {
      if (e.getValue()) {
        for (Node m : e.getKey().next) {
          if (m != null && needed.get(m)) {
            dependencies.computeIfAbsent(m, k -> new int[1])[0]++;
          }
        }
      }
    }

    Map<Node, Variable> buffers = new IdentityHashMap<>();
    Map<Node, Variable> captured = new IdentityHashMap<>();
    PriorityQueue<Node> ready =
        new PriorityQueue<>(Comparator.comparingLong(Node::sequenceNr).reversed());
    Scope mode = GradMode.set(createGraph);
    try {
      for (int i = 0; i < roots.size(); i++) {
        Node root = roots.get(i);
        if (needed.get(root)) {
          buffers.merge(root, seeds.get(i), Variable::add);
          if (!dependencies.containsKey(root) && !ready.contains(root)) {
            ready.add(root);
          }
        }
      }
      while (!ready.isEmpty()) {
        Node node = ready.poll();
        Variable g = buffers.remove(node);
        if (g != null) {
          g = node.runHooks(g);
        }
        boolean wanted = accumulate ? node instanceof LeafAccumulator : targets.containsKey(node);
        if (wanted) {
          g = g != null ? g : zeros(node);
          if (accumulate) {
            ((LeafAccumulator) node).variable.accumulateGrad(g);
          } else {
            captured.put(node, g);
          }
        }
        if (node instanceof Function f) {
          propagate(f, g, needed, dependencies, buffers, ready);
          if (!retainGraph) {
            f.release();
          }
        }
      }
    } finally {
      mode.close();
    }
    return accumulate ? null : results(caller, inputs, captured, allowUnused);
  }

  /** Runs {@code f}'s backward (when it received a gradient) and passes gradients on. */
  private static void propagate(Function f, Variable g, Map<Node, Boolean> needed,
      Map<Node, int[]> dependencies, Map<Node, Variable> buffers, PriorityQueue<Node> ready) {
    boolean[] needs = new boolean[f.next.length];
    boolean any = false;
    for (int i = 0; i < needs.length; i++) {
      needs[i] = f.next[i] != null && needed.get(f.next[i]);
      any |= needs[i];
    }
    Variable[] grads = g != null && any ? f.runBackward(g, needs) : null;
    for (int i = 0; i < needs.length; i++) {
      if (needs[i]) {
        Node m = f.next[i];
        if (grads != null && grads[i] != null) {
          buffers.merge(m, grads[i], Variable::add);
        }
        if (--dependencies.get(m)[0] == 0) {
          ready.add(m);
        }
      }
    }
  }

  /**
   * For every node reachable from the roots: whether a wanted node is reachable from it (the
   * wanted nodes themselves included). Iterative post-order depth-first search.
   */
  private static Map<Node, Boolean> findNeeded(
      List<Node> roots, Predicate<Node> wanted) {
    Map<Node, Boolean> needed = new IdentityHashMap<>();
    Deque<Node> stack = new ArrayDeque<>();
    Deque<Integer> cursor = new ArrayDeque<>();
    for (Node root : roots) {
      if (needed.containsKey(root)) {
        continue;
      }
      needed.put(root, wanted.test(root));
      stack.push(root);
      cursor.push(0);
      while (!stack.isEmpty()) {
        Node n = stack.peek();
        int i = cursor.pop();
        if (i < n.next.length) {
          cursor.push(i + 1);
          Node m = n.next[i];
          if (m != null && !needed.containsKey(m)) {
            needed.put(m, wanted.test(m));
            stack.push(m);
            cursor.push(0);
          }
        } else {
          stack.pop();
          boolean any = needed.get(n);
          for (Node m : n.next) {
            any |= m != null && needed.get(m);
          }
          needed.put(n, any);
        }
      }
    }
    return needed;
  }

  private static Variable seed(String caller, int i, Variable y, Variable given) {
    if (given == null) {
      if (y.size() != 1) {
        throw new IllegalArgumentException(caller + ": outputs[" + i + "] has shape " + y.shape()
            + "; the gradient of a non-scalar output needs a gradOutput of that shape (the"
            + " vector of the vector-Jacobian product)");
      }
      return Variable.constant(y.value().onesLike());
    }
    if (!given.shape().equals(y.shape()) || given.dtype() != y.dtype()) {
      throw new IllegalArgumentException(caller + ": gradOutputs[" + i + "] is " + given.dtype()
          + " " + given.shape() + " but outputs[" + i + "] is " + y.dtype() + " " + y.shape());
    }
    return given;
  }

  private static List<Variable> results(String caller, List<Variable> inputs,
      Map<Node, Variable> captured, boolean allowUnused) {
    List<Variable> out = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Variable x = inputs.get(i);
      Variable g = captured.get(x.node());
      if (g == null) {
        if (!allowUnused) {
          throw new IllegalArgumentException(caller + ": inputs[" + i + "] " + x
              + " is not used to compute the outputs; pass allowUnused=true to get a zero"
              + " gradient for it");
        }
        g = zeros(x.node());
      }
      out.add(g);
    }
    return out;
  }

  private static Variable zeros(Node node) {
    return Variable.constant(Tensor.zeros(node.dtype(), node.shape()));
  }
}
