package io.gradlight.nn.train;

import io.gradlight.tensor.Tensor;

/**
 * A batch of labelled examples.
 *
 * @param inputs the examples stacked on axis 0, {@code [N, ...]}
 * @param labels the N class indices (copied in and out)
 */
public record Batch(Tensor inputs, int[] labels) {
  public Batch {
    if (inputs.rank() < 1 || inputs.dim(0) != labels.length) {
      throw new IllegalArgumentException(
          "inputs must be [" + labels.length + ", ...] for " + labels.length + " labels, got "
              + inputs.shape());
    }
    labels = labels.clone();
  }

  /** The number of examples. */
  public int size() {
    return labels.length;
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }
}
