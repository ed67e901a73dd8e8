package io.gradlight.autograd;

/**
 * The node of a leaf Variable that requires grad (PyTorch's {@code AccumulateGrad}): in
 * {@link Variable#backward()} it adds the gradient it receives to the leaf's {@code grad}.
 */
final class LeafAccumulator extends Node {
  final Variable variable;

  LeafAccumulator(Variable variable) {
    this.variable = variable;
    describe(variable.shape(), variable.dtype());
  }

  @Override
  public String name() {
    return "Leaf";
  }
}
