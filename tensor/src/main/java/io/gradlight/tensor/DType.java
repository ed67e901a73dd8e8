package io.gradlight.tensor;

/**
 * The element type of a {@link Tensor}: 32-bit or 64-bit IEEE 754 floats.
 *
 * <p>F32 is the fast path (the vector kernels); F64 is for verification: gradcheck, golden tests
 * and exactness tests run in F64 on the scalar reference kernels.
 */
public enum DType {
  F32(4),
  F64(8);

  private final int byteSize;

  DType(int byteSize) {
    this.byteSize = byteSize;
  }

  /** Bytes per element: 4 or 8. */
  public int byteSize() {
    return byteSize;
  }
}
