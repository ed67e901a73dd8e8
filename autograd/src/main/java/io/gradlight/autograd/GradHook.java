package io.gradlight.autograd;

/**
 * Sees the gradient flowing into a {@link Variable} during a backward pass, and may replace it.
 *
 * <p>Return {@code grad} itself to only observe it, or a replacement of the same shape and dtype,
 * which is what flows on (PyTorch's {@code Tensor.register_hook}). With {@code createGraph} the
 * gradient is part of a graph and a replacement built from it with Variable ops stays
 * differentiable.
 */
@FunctionalInterface
public interface GradHook {
  /** Called with the total gradient of the Variable; returns the gradient that flows on. */
  Variable apply(Variable grad);
}
