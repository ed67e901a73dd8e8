package io.gradlight.tensor;

import java.util.Arrays;

/** Shape-changing operations that move or share elements without arithmetic. */
final class Views {
  private Views() {}

  /**
   * The shape {@code dims} with its one allowed -1 replaced by {@code size / prod(other dims)}.
   * Throws, naming {@code op}, when more than one -1 appears, a size is below -1, or the sizes
   * cannot hold exactly {@code old.size()} elements.
   */
  static Shape inferShape(String op, Shape old, int[] dims) {
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] == -1) {
        if (unknown >= 0) {
          throw new IllegalArgumentException(
              op + ": only one size may be -1, got " + Arrays.toString(dims));
        }
        unknown = i;
      } else if (dims[i] < 0) {
        throw new IllegalArgumentException(
            op + ": sizes must be >= 0 or -1, got " + Arrays.toString(dims));
      } else {
        known *= dims[i];
      }
    }
    int[] out = dims.clone();
    if (unknown >= 0) {
      if (known == 0 || old.size() % known != 0) {
        throw new IllegalArgumentException(
            op + ": cannot reshape " + old + " (" + old.size() + " elements) to "
                + Arrays.toString(dims));
      }
      out[unknown] = (int) (old.size() / known);
    }
    return Shape.of(out);
  }
}
