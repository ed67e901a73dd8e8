package io.gradlight.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The F32 fast path on the JDK Vector API ({@code jdk.incubator.vector}). It overrides the F32
 * kernels of {@link ScalarKernels} where SIMD pays and inherits the rest: every F64 kernel is the
 * scalar reference.
 *
 * <p>Loaded only through {@link KernelProvider}, reflectively, so that the scalar path never links
 * against the incubator module.
 */
public final class VectorKernels extends ScalarKernels {
  static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;

  /** Fails with UnsupportedOperationException when the preferred vector is too narrow to pay. */
  public VectorKernels() {
    if (FLOATS.vectorBitSize() < 128) {
      throw new UnsupportedOperationException(
          "the preferred vector has " + FLOATS.vectorBitSize() + " bits; the vector kernels need 128");
    }
  }

  @Override
  public String name() {
    return "vector";
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
    VectorGemm.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, accumulate);
  }

  @Override
  public String toString() {
    return "vector, " + FLOATS.vectorBitSize() + "-bit " + FLOATS.length() + " floats";
  }
}
