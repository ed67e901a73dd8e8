package io.gradlight.nn.train;

import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Tensor;
import java.util.List;

/**
 * Updates parameters in place from their accumulated gradients, as {@code torch.optim} does.
 *
 * <p>Parameters are leaf {@link Variable}s that require grad; {@link #step} writes the new values
 * into their backing arrays (the one place besides I/O where gradlight mutates a tensor), so a
 * model holding the same Variables sees the update. A parameter whose gradient is null (not
 * reached by the last backward) is skipped and its state does not advance, as in PyTorch.
 */
public abstract class Optimizer {
  private final List<Variable> parameters;
  private double learningRate;

  /** An optimizer of {@code parameters} starting at {@code learningRate}. */
  protected Optimizer(List<Variable> parameters, double learningRate) {
    this.parameters = List.copyOf(parameters);
    for (Variable p : this.parameters) {
      if (!p.isLeaf() || !p.requiresGrad()) {
        throw new IllegalArgumentException(
            "an optimizer updates leaf Variables that require grad, got " + p);
      }
    }
    this.learningRate = atLeast("learning rate", learningRate, 0);
  }

  /** The parameters, in the order given. */
  public List<Variable> parameters() {
    return parameters;
  }

  /** The learning rate the next {@link #step} uses. */
  public double learningRate() {
    return learningRate;
  }

  /** Sets the learning rate (a schedule calls this before each step). */
  public final void setLearningRate(double learningRate) {
    this.learningRate = atLeast("learning rate", learningRate, 0);
  }

  /** Forgets every parameter's gradient, before the next backward accumulates new ones. */
  public void zeroGrad() {
    for (Variable p : parameters) {
      p.zeroGrad();
    }
  }

  /** Updates every parameter that has a gradient. */
  public void step() {
    for (int i = 0; i < parameters.size(); i++) {
      Variable p = parameters.get(i);
      if (p.grad() == null) {
        continue;
      }
      Tensor grad = p.grad().value();
      if (!grad.shape().equals(p.shape()) || grad.dtype() != p.dtype()) {
        throw new IllegalStateException("gradient " + grad.dtype() + " " + grad.shape()
            + " does not match its parameter " + p.dtype() + " " + p.shape());
      }
      update(i, Elements.of(p.value()), Elements.of(grad));
    }
  }

  /**
   * Updates parameter number {@code index} (its values {@code param}, written in place) from its
   * gradient {@code grad}, with the current learning rate.
   */
  abstract void update(int index, Elements param, Elements grad);

  /** A zero state buffer shaped and typed like parameter {@code index}. */
  final Tensor zeroState(int index) {
    return parameters.get(index).value().zerosLike();
  }

  /** Checks a hyperparameter is finite and at least {@code min}. */
  static double atLeast(String name, double value, double min) {
    if (!(value >= min) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          name + " must be finite and >= " + min + ", got " + value);
    }
    return value;
  }
}
