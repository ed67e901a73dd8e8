package io.gradlight.tensor.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The F32 fast path on the JDK Vector API ({@code jdk.incubator.vector}). It overrides the F32
 * kernels of {@link ScalarKernels} where SIMD or plain float loops pay and inherits the rest:
 * every F64 kernel and pow are the scalar reference.
 *
 * <ul>
 *   <li>GEMM and the three convolution kernels: {@link VectorGemm} (packed panels, a 4 x 16
 *       register-blocked micro-kernel) and {@link VectorConvolution} (convolution as GEMM with
 *       im2col packed on the fly). They accumulate in float with FMA, always.
 *   <li>Pooling: {@link VectorPooling} for max pooling, {@link FloatPooling} (the reference's
 *       windows in float) for the backward and average pooling; bitwise equal to the reference.
 *   <li>Per-channel broadcasts and statistics (BatchNorm): {@link VectorPerChannel}.
 *   <li>Elementwise kernels, sums and global average pooling:
 *       {@link VectorElementwise}, with {@link VectorMath} for exp, log, tanh and sigmoid. Sums
 *       accumulate in double.
 * </ul>
 *
 * <p>Like the reference, every result is bitwise the same for any thread count, and the same
 * before and after the JIT compiles the code (no Vector API transcendental functions, no
 * {@code reduceLanes}). It differs from the reference by rounding only, within bounds the parity
 * tests state.
 *
 * <p>Loaded only through {@link KernelProvider}, reflectively, so that the scalar path never links
 * against the incubator module.
 */
public final class VectorKernels extends ScalarKernels {
  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;

  /** Fails with UnsupportedOperationException when the preferred vector is too narrow to pay. */
  public VectorKernels() {
    if (FLOATS.vectorBitSize() < 128) {
      throw new UnsupportedOperationException(
          "the preferred vector has " + FLOATS.vectorBitSize()
              + " bits; the vector kernels need 128");
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
  public void conv2d(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
    VectorConvolution.forward(g, x, w, bias, y);
  }

  @Override
  public void conv2dBackwardInput(ConvGeometry g, float[] gy, float[] w, float[] gx) {
    VectorConvolution.backwardInput(g, gy, w, gx);
  }

  @Override
  public void conv2dBackwardWeight(ConvGeometry g, float[] x, float[] gy, float[] gw) {
    VectorConvolution.backwardWeight(g, x, gy, gw);
  }

  @Override
  public void maxPool2d(PoolGeometry g, float[] x, float[] y, int[] argmax) {
    if (VectorPooling.available()) {
      VectorPooling.maxPool(g, x, y, argmax);
    } else {
      super.maxPool2d(g, x, y, argmax);
    }
  }

  @Override
  public void maxPool2dBackward(PoolGeometry g, float[] gy, int[] argmax, float[] gx) {
    FloatPooling.maxPoolBackward(g, gy, argmax, gx);
  }

  @Override
  public void avgPool2d(PoolGeometry g, float[] x, float[] y) {
    FloatPooling.avgPool(g, x, y);
  }

  @Override
  public void avgPool2dBackward(PoolGeometry g, float[] gy, float[] gx) {
    FloatPooling.avgPoolBackward(g, gy, gx);
  }

  @Override
  public void globalAvgPool(int planes, int planeSize, float[] x, float[] y) {
    VectorElementwise.globalAvgPool(planes, planeSize, x, y);
  }

  @Override
  public void unary(UnaryOp op, float[] x, int xOff, float[] y, int yOff, int n) {
    VectorElementwise.unary(op, x, xOff, y, yOff, n);
  }

  @Override
  public void binary(BinaryOp op, float[] a, int aOff, float[] b, int bOff,
      float[] y, int yOff, int n) {
    if (op == BinaryOp.POW) { // rare in networks; Math.pow's special cases are not worth a copy
      super.binary(op, a, aOff, b, bOff, y, yOff, n);
    } else {
      VectorElementwise.binary(op, a, aOff, b, bOff, y, yOff, n);
    }
  }

  @Override
  public void binaryScalar(BinaryOp op, float[] a, int aOff, float s, float[] y, int yOff, int n) {
    if (op == BinaryOp.POW) {
      super.binaryScalar(op, a, aOff, s, y, yOff, n);
    } else {
      VectorElementwise.binaryScalar(op, a, aOff, s, y, yOff, n);
    }
  }

  @Override
  public void binaryPerChannel(BinaryOp op, ChannelLayout l, float[] a, float[] perChannel,
      float[] y) {
    if (op == BinaryOp.POW) {
      super.binaryPerChannel(op, l, a, perChannel, y);
    } else {
      VectorPerChannel.binary(op, l, a, perChannel, y);
    }
  }

  @Override
  public void affinePerChannel(ChannelLayout l, float[] x, float[] scale, float[] shift,
      float[] y) {
    VectorPerChannel.affine(l, x, scale, shift, y);
  }

  @Override
  public void sumPerChannel(ChannelLayout l, float[] x, double[] sums) {
    VectorPerChannel.sum(l, x, sums);
  }

  @Override
  public void dotPerChannel(ChannelLayout l, float[] a, float[] b, double[] sums) {
    VectorPerChannel.dot(l, a, b, sums);
  }

  @Override
  public void squaredDeviationsPerChannel(ChannelLayout l, float[] x, double[] means,
      double[] sums) {
    VectorPerChannel.squaredDeviations(l, x, means, sums);
  }

  @Override
  public void reluBackward(float[] gy, float[] x, float[] gx, int n) {
    VectorElementwise.reluBackward(gy, x, gx, n);
  }

  @Override
  public double sum(float[] x, int off, int n) {
    return VectorElementwise.sum(x, off, n);
  }

  @Override
  public String toString() {
    return "vector, " + FLOATS.vectorBitSize() + "-bit " + FLOATS.length() + " floats";
  }
}
