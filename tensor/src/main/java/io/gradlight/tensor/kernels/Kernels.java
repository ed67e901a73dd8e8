package io.gradlight.tensor.kernels;

/**
 * The numeric kernels of gradlight: pure functions on primitive arrays, row-major and contiguous,
 * that never see a tensor or a graph.
 *
 * <p>Two implementations: {@link ScalarKernels}, the readable reference (plain loops, double
 * accumulation, F32 and F64), and {@code VectorKernels}, the F32 fast path on the JDK Vector API.
 * {@link KernelProvider#kernels()} picks one. Every method writes its whole output (unless it says
 * it accumulates), and every output element is computed by exactly one task in a fixed order, so
 * results are bitwise identical for any thread count.
 *
 * <p>Arrays are not modified unless named as outputs. Outputs never alias inputs.
 */
public interface Kernels {

  /** A short name for logs and benchmarks: "scalar" or "vector". */
  String name();

  // ---- GEMM -------------------------------------------------------------------------------

  /**
   * {@code C = op(A) op(B)} (or {@code C += ...} when {@code accumulate}), where C is
   * {@code m x n}, op(A) is {@code m x k} and op(B) is {@code k x n}. With {@code transA} A is
   * stored {@code k x m}; with {@code transB} B is stored {@code n x k}. All row-major, contiguous,
   * starting at the given offsets.
   */
  void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate);

  /** The F64 form of {@link #gemm(boolean, boolean, int, int, int, float[], int, float[], int, float[], int, boolean)}. */
  void gemm(boolean transA, boolean transB, int m, int n, int k,
      double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, boolean accumulate);

  // ---- Convolution (see ConvGeometry for the formula) ---------------------------------------

  /** {@code y = conv2d(x, w) + bias}; {@code bias} may be null. */
  void conv2d(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y);

  void conv2d(ConvGeometry g, double[] x, double[] w, double[] bias, double[] y);

  /** {@code gx = dL/dx} given {@code gy = dL/dy}: the transposed convolution of gy with w. */
  void conv2dBackwardInput(ConvGeometry g, float[] gy, float[] w, float[] gx);

  void conv2dBackwardInput(ConvGeometry g, double[] gy, double[] w, double[] gx);

  /** {@code gw = dL/dw} given {@code gy = dL/dy}: the correlation of x with gy, summed over the batch. */
  void conv2dBackwardWeight(ConvGeometry g, float[] x, float[] gy, float[] gw);

  void conv2dBackwardWeight(ConvGeometry g, double[] x, double[] gy, double[] gw);

  // ---- Pooling (see PoolGeometry) -------------------------------------------------------------

  /**
   * Max pooling; {@code argmax[o]} receives the flat index within its input plane
   * ({@code row * w + col}) of the maximum, the first one in row-major window order on ties, as
   * PyTorch. Padding counts as negative infinity. A NaN in a window propagates.
   */
  void maxPool2d(PoolGeometry g, float[] x, float[] y, int[] argmax);

  void maxPool2d(PoolGeometry g, double[] x, double[] y, int[] argmax);

  /** Scatters {@code gy} to {@code gx} at the argmax positions, adding where windows overlap. */
  void maxPool2dBackward(PoolGeometry g, float[] gy, int[] argmax, float[] gx);

  void maxPool2dBackward(PoolGeometry g, double[] gy, int[] argmax, double[] gx);

  /** Average pooling, dividing by the full window size (padding counts, PyTorch's default). */
  void avgPool2d(PoolGeometry g, float[] x, float[] y);

  void avgPool2d(PoolGeometry g, double[] x, double[] y);

  /** The adjoint of {@link #avgPool2d}: each gy spread evenly over its window. */
  void avgPool2dBackward(PoolGeometry g, float[] gy, float[] gx);

  void avgPool2dBackward(PoolGeometry g, double[] gy, double[] gx);

  /** {@code y[p] = mean(x[p*planeSize .. (p+1)*planeSize))}, accumulated in double. */
  void globalAvgPool(int planes, int planeSize, float[] x, float[] y);

  void globalAvgPool(int planes, int planeSize, double[] x, double[] y);

  // ---- Elementwise on contiguous runs --------------------------------------------------------

  /** {@code y[yOff+i] = op(x[xOff+i])} for {@code i < n}; y may be x (in place) at the same offset. */
  void unary(UnaryOp op, float[] x, int xOff, float[] y, int yOff, int n);

  void unary(UnaryOp op, double[] x, int xOff, double[] y, int yOff, int n);

  /** {@code y[yOff+i] = op(a[aOff+i], b[bOff+i])}; y may be a or b at the same offset. */
  void binary(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n);

  void binary(BinaryOp op, double[] a, int aOff, double[] b, int bOff, double[] y, int yOff, int n);

  /** {@code y[yOff+i] = op(a[aOff+i], s)}: the right operand broadcast from one value. */
  void binaryScalar(BinaryOp op, float[] a, int aOff, float s, float[] y, int yOff, int n);

  void binaryScalar(BinaryOp op, double[] a, int aOff, double s, double[] y, int yOff, int n);

  /** {@code gx = gy} where {@code x > 0}, else 0: the backward of ReLU. */
  void reluBackward(float[] gy, float[] x, float[] gx, int n);

  void reluBackward(double[] gy, double[] x, double[] gx, int n);

  // ---- Per channel (see ChannelLayout) --------------------------------------------------------

  /**
   * {@code y[(o C + c) I + r] = op(a[(o C + c) I + r], perChannel[c])} for the layout
   * {@code [outer, C, I]}: the right operand broadcast from one value per channel, without
   * expanding it ({@code x op [1, C, 1, 1]} for NCHW). y may be a.
   */
  void binaryPerChannel(BinaryOp op, ChannelLayout l, float[] a, float[] perChannel, float[] y);

  void binaryPerChannel(BinaryOp op, ChannelLayout l, double[] a, double[] perChannel, double[] y);

  /**
   * {@code y[(o C + c) I + r] = x[(o C + c) I + r] scale[c] + shift[c]}, rounded after the product
   * and after the sum: a per-channel multiply and add in one pass (BatchNorm's affine step). y may
   * be x.
   */
  void affinePerChannel(ChannelLayout l, float[] x, float[] scale, float[] shift, float[] y);

  void affinePerChannel(ChannelLayout l, double[] x, double[] scale, double[] shift, double[] y);

  /**
   * {@code sums[c] = sum_{o, r} x[(o C + c) I + r]}, accumulated in double in a fixed order: the
   * adjoint of {@link #binaryPerChannel} with ADD, and the per-channel statistics of BatchNorm.
   */
  void sumPerChannel(ChannelLayout l, float[] x, double[] sums);

  void sumPerChannel(ChannelLayout l, double[] x, double[] sums);

  /** {@code sums[c] = sum_{o, r} a b} over channel c's elements, accumulated in double. */
  void dotPerChannel(ChannelLayout l, float[] a, float[] b, double[] sums);

  void dotPerChannel(ChannelLayout l, double[] a, double[] b, double[] sums);

  /**
   * {@code sums[c] = sum_{o, r} (x - means[c])^2} over channel c's elements, in double: with the
   * channel means, the second pass of a two-pass variance.
   */
  void squaredDeviationsPerChannel(ChannelLayout l, float[] x, double[] means, double[] sums);

  void squaredDeviationsPerChannel(ChannelLayout l, double[] x, double[] means, double[] sums);

  // ---- Reductions ---------------------------------------------------------------------------

  /** The sum of {@code x[off .. off+n)}, accumulated in double in a fixed order. */
  double sum(float[] x, int off, int n);

  double sum(double[] x, int off, int n);
}
