package io.gradlight.autograd;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The base of every op: a node that made one Variable and knows its vector-Jacobian product.
 *
 * <p>An op is a final class with a static {@code apply} that computes the forward value with
 * tensor operations and calls {@link #record}; its constructor saves what the backward needs (and
 * only that: an input whose partner needs no gradient is not saved); its {@link #backward} returns
 * one gradient per input, written <em>only</em> with Variable ops, so that with
 * {@code createGraph} the backward is recorded and can be differentiated again, to any order.
 *
 * <p>A backward that does not retain the graph releases the saved values; a second backward
 * through the node then fails with a message saying so.
 */
public abstract class Function extends Node {
  private Variable[] saved = new Variable[0];
  private int[] savedIndices;
  private boolean savesOutput;
  private Variable output;
  private boolean released;
  private Shape[] inputShapes;
  private DType[] inputDtypes;
  private boolean[] needsGrad;

  protected Function() {}

  /**
   * Records an op: when grad mode is on and an input requires grad, makes the node with
   * {@code maker}, connects it to the inputs' nodes and returns {@code value} as a Variable made by
   * it; otherwise returns {@code value} as a constant and creates no node at all. Inputs may
   * contain null (an absent optional input, like a conv without bias).
   */
  protected static Variable record(
      Tensor value, Supplier<? extends Function> maker, Variable... inputs) {
    if (!GradMode.isEnabled() || !anyRequiresGrad(inputs)) {
      return Variable.constant(value);
    }
    Function f = maker.get();
    f.connect(inputs, value);
    Variable out = new Variable(value, f);
    if (f.savesOutput) {
      f.output = out;
    }
    return out;
  }

  private static boolean anyRequiresGrad(Variable[] inputs) {
    for (Variable v : inputs) {
      if (v != null && v.requiresGrad()) {
        return true;
      }
    }
    return false;
  }

  private void connect(Variable[] inputs, Tensor value) {
    next = new Node[inputs.length];
    inputShapes = new Shape[inputs.length];
    inputDtypes = new DType[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      Variable v = inputs[i];
      if (v != null) {
        next[i] = v.requiresGrad() ? v.node() : null;
        inputShapes[i] = v.shape();
        inputDtypes[i] = v.dtype();
      }
    }
    describe(value.shape(), value.dtype());
  }

  // ---- what the backward may use ------------------------------------------------------------

  /** Keeps these Variables for the backward (null entries are allowed: not needed). */
  protected final void save(Variable... variables) {
    saved = variables.clone();
  }

  /** The {@code i}-th Variable given to {@link #save}. */
  protected final Variable saved(int i) {
    checkNotReleased();
    return saved[i];
  }

  /** Keeps an index array (like max-pool's argmax) for the backward. */
  protected final void saveIndices(int[] indices) {
    savedIndices = indices;
  }

  /** The array given to {@link #saveIndices}. */
  protected final int[] savedIndices() {
    checkNotReleased();
    return savedIndices;
  }

  /** Asks for the op's own output to be kept for the backward (as {@code exp} does). */
  protected final void saveOutput() {
    savesOutput = true;
  }

  /** The op's output Variable; only after {@link #saveOutput()} in the constructor. */
  protected final Variable output() {
    checkNotReleased();
    if (!savesOutput) {
      throw new IllegalStateException(name() + " reads its output but did not call saveOutput()");
    }
    return output;
  }

  /** Whether the gradient of input {@code i} is wanted in the backward that is running. */
  protected final boolean needsGrad(int i) {
    return needsGrad[i];
  }

  /** The number of inputs, optional ones included. */
  protected final int inputCount() {
    return next.length;
  }

  /** The shape input {@code i} had. */
  protected final Shape inputShape(int i) {
    return inputShapes[i];
  }

  /**
   * The vector-Jacobian product: given {@code gy}, the gradient of the output, returns the
   * gradient of each input (null where {@link #needsGrad} is false, or where it is zero). Written
   * with Variable ops only.
   */
  protected abstract Variable[] backward(Variable gy);

  /** Builds the array a backward returns. */
  protected static Variable[] grads(Variable... grads) {
    return grads;
  }

  // ---- engine side ----------------------------------------------------------------------------

  final Variable[] runBackward(Variable gy, boolean[] needs) {
    checkNotReleased();
    needsGrad = needs;
    Variable[] grads = backward(gy);
    if (grads.length != next.length) {
      throw new IllegalStateException(
          name() + ".backward returned " + grads.length + " gradients for " + next.length
              + " inputs");
    }
    for (int i = 0; i < grads.length; i++) {
      Variable g = grads[i];
      if (g != null && needs[i]
          && (!g.shape().equals(inputShapes[i]) || g.dtype() != inputDtypes[i])) {
        throw new IllegalStateException(
            name() + ".backward returned a " + g.dtype() + " gradient of shape " + g.shape()
                + " for input " + i + " of shape " + inputShapes[i] + " (" + inputDtypes[i] + ")");
      }
    }
    return grads;
  }

  final void release() {
    released = true;
    saved = null;
    savedIndices = null;
    output = null;
  }

  private void checkNotReleased() {
    if (released) {
      throw new IllegalStateException(
          "cannot run the backward of " + this + " again: its saved values were released by an"
              + " earlier backward that did not retain the graph; pass retainGraph=true (or"
              + " createGraph=true) to the first backward or grad call to differentiate twice");
    }
  }

  /** The backing arrays this node keeps alive for its backward (for byte counts). */
  final List<Object> savedStorage() {
    List<Object> arrays = new ArrayList<>();
    if (saved != null) {
      for (Variable v : saved) {
        if (v != null) {
          arrays.add(storageOf(v.value()));
        }
      }
    }
    if (output != null) {
      arrays.add(storageOf(output.value()));
    }
    if (savedIndices != null) {
      arrays.add(savedIndices);
    }
    return arrays;
  }

  @Override
  public long savedBytes() {
    return savedStorage().stream().mapToLong(Function::bytesOf).sum();
  }

  static Object storageOf(Tensor t) {
    return t.dtype() == DType.F32 ? t.f32() : t.f64();
  }

  static long bytesOf(Object array) {
    return switch (array) {
      case float[] a -> 4L * a.length;
      case double[] a -> 8L * a.length;
      case int[] a -> 4L * a.length;
      default -> throw new IllegalArgumentException("not a storage array: " + array.getClass());
    };
  }

  @Override
  public String toString() {
    return super.toString() + (inputShapes == null ? "" : Arrays.toString(inputShapes));
  }
}
