package io.gradlight.nn.train;

import io.gradlight.nn.Parameter;
import io.gradlight.tensor.Tensor;
import java.util.List;

/**
 * Updates a model's {@link Parameter}s from their accumulated gradients, as {@code torch.optim}
 * does.
 *
 * <p>{@link #step} computes each new value into a fresh tensor and stores it with {@link
 * Parameter#set}, which also clears the gradient; graphs recorded before keep the old values. A
 * parameter without a gradient (frozen, or not reached by the last backward) is skipped and its
 * optimizer state does not advance, as in PyTorch.
 */
public abstract sealed class Optimizer permits Sgd, Adam {
  private final List<Parameter> parameters;
  private double learningRate;

  /** An optimizer of {@code parameters} starting at {@code learningRate}. */
  Optimizer(List<Parameter> parameters, double learningRate) {
    this.parameters = List.copyOf(parameters);
    this.learningRate = atLeast("learning rate", learningRate, 0);
  }

  /** The parameters, in the order given. */
  public List<Parameter> parameters() {
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
    for (Parameter p : parameters) {
      p.zeroGrad();
    }
  }

  /** Updates every parameter that has a gradient. */
  public void step() {
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      Tensor grad = p.grad();
      if (grad == null) {
        continue;
      }
      if (!grad.shape().equals(p.shape()) || grad.dtype() != p.dtype()) {
        throw new IllegalStateException("gradient " + grad.dtype() + " " + grad.shape()
            + " does not match its parameter " + p.dtype() + " " + p.shape());
      }
      Tensor next = p.value().copy();
      update(i, Elements.of(next), Elements.of(grad));
      p.set(next);
    }
  }

  /**
   * Updates parameter number {@code index} (a copy of its values, {@code param}, written in place)
   * from its gradient {@code grad}, with the current learning rate.
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
