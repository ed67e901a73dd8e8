package io.gradlight.nn.train;

/** A finite, indexable set of labelled examples that hands them out as stacked batches. */
public interface Dataset {
  /** The number of examples. */
  int size();

  /**
   * The examples at {@code indices} (each in {@code [0, size())}, repeats allowed) stacked in that
   * order. The same indices give the same batch, bit for bit.
   */
  Batch batch(int[] indices);

  /** Checks every index is in {@code [0, size)}. */
  static void checkIndices(int[] indices, int size) {
    for (int index : indices) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException(
            "example index " + index + " is out of range: expected 0 to " + (size - 1));
      }
    }
  }
}
