package io.gradlight.autograd;

/** A differentiable function of some Variables with one Variable result, as a lambda. */
@FunctionalInterface
public interface VariableFunction {
  Variable apply(Variable... inputs);
}
