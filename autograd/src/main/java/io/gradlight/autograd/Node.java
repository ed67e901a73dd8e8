package io.gradlight.autograd;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node of the backward graph: it receives the gradient of one Variable and passes gradients on
 * to the nodes of the Variables that Variable was computed from (its {@link #next} edges).
 *
 * <p>Two kinds: a {@link Function} (an op that made a Variable) and a leaf accumulator (the node
 * of a leaf Variable that requires grad; it adds what it receives to {@link Variable#grad()}).
 * Edges point to nodes, never to Variables, so the graph keeps alive only what the ops chose to
 * save.
 *
 * <p>Each node has a sequence number from one global counter: the engine runs ready nodes newest
 * first, which fixes the order of every gradient sum and so makes results reproducible.
 */
public abstract class Node {
  private static final AtomicLong CREATED = new AtomicLong();

  private final long sequenceNr = CREATED.incrementAndGet();
  private final List<GradHook> hooks = new CopyOnWriteArrayList<>();
  private Shape shape;
  private DType dtype;
  Node[] next = new Node[0];

  Node() {}

  /** The number of nodes created in this JVM so far: a diagnostic for "this recorded nothing". */
  static long created() {
    return CREATED.get();
  }

  /** Sets the shape and dtype of the gradient this node receives. */
  final void describe(Shape shape, DType dtype) {
    this.shape = shape;
    this.dtype = dtype;
  }

  /** A short name for messages, like {@code Mul}. */
  public String name() {
    return getClass().getSimpleName();
  }

  /** The shape of the gradient this node receives (that of the Variable it belongs to). */
  public final Shape shape() {
    return shape;
  }

  /** The dtype of the gradient this node receives. */
  public final DType dtype() {
    return dtype;
  }

  /** The nodes this node passes gradients to, in input order, leaving out inputs without grad. */
  public final List<Node> next() {
    List<Node> nodes = new ArrayList<>();
    for (Node n : next) {
      if (n != null) {
        nodes.add(n);
      }
    }
    return Collections.unmodifiableList(nodes);
  }

  /** Bytes of tensor and index data this node holds for its backward (0 for most leaves). */
  public long savedBytes() {
    return 0;
  }

  final long sequenceNr() {
    return sequenceNr;
  }

  final Scope addHook(GradHook hook) {
    hooks.add(hook);
    return () -> hooks.remove(hook);
  }

  /** Passes {@code grad} through the hooks in registration order, checking each replacement. */
  final Variable runHooks(Variable grad) {
    Variable g = grad;
    for (GradHook hook : hooks) {
      Variable replaced = hook.apply(g);
      if (replaced == null
          || !replaced.shape().equals(shape)
          || replaced.dtype() != dtype) {
        throw new IllegalStateException(
            "a gradient hook on a Variable of shape " + shape + " (" + dtype + ", made by " + name()
                + ") returned "
                + (replaced == null ? "null" : replaced.dtype() + " " + replaced.shape())
                + "; a hook must return the gradient or a replacement of the same shape and dtype");
      }
      g = replaced;
    }
    return g;
  }

  @Override
  public String toString() {
    return name() + "#" + sequenceNr;
  }
}
