package io.gradlight.nn;

import io.gradlight.autograd.Variable;

/**
 * Called with a layer's input and output each time the layer runs within one forward pass (see
 * {@link Module#registerForwardHook} for the lifetime); returns the output to pass on: the same
 * Variable, or a replacement of the same shape.
 */
@FunctionalInterface
public interface ForwardHook {
  Variable onForward(Module layer, Variable input, Variable output);
}
