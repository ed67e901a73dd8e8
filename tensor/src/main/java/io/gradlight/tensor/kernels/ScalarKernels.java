package io.gradlight.tensor.kernels;

/**
 * The reference kernels: plain loops that accumulate in double, for F32 and F64.
 *
 * <p>Each loop exists once, in double. An F32 kernel widens its inputs to double, runs that loop
 * and rounds each output once at the end. A float times a float is exact in double, so this is
 * exactly "float data, double accumulation", without a second copy of every loop. (Elementwise
 * kernels are one line each and are written directly.)
 *
 * <p>Convolution and pooling loops live in {@link ScalarConvolution} and {@link ScalarPooling}.
 * Work is split over independent outputs with {@link Parallel}; each output's arithmetic is the
 * same whatever the thread count.
 *
 * <p>{@code VectorKernels} extends this class and overrides the F32 kernels where SIMD pays; the
 * rest (all F64 kernels, the scatters) is this reference.
 */
public class ScalarKernels implements Kernels {
  /** The one instance. */
  public static final ScalarKernels INSTANCE = new ScalarKernels();

  /** Elements per task of the elementwise kernels: enough work to outweigh a task's cost. */
  private static final int ELEMENTWISE_GRAIN = 1 << 16;

  /** Multiply-adds per GEMM task, so small products run in one task. */
  private static final long GEMM_TASK_WORK = 1 << 18;

  protected ScalarKernels() {}

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public String toString() {
    return name();
  }

  // ---- GEMM -------------------------------------------------------------------------------

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
    double[] product = new double[m * n];
    gemm(transA, transB, m, n, k, widen(a, aOff, m * k), 0, widen(b, bOff, k * n), 0, product, 0,
        false);
    for (int e = 0; e < m * n; e++) {
      c[cOff + e] = (float) (accumulate ? c[cOff + e] + product[e] : product[e]);
    }
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k,
      double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, boolean accumulate) {
    double[] product = new double[m * n];
    double[] opA = rowMajor(transA, m, k, a, aOff);
    double[] opB = rowMajor(transB, k, n, b, bOff);
    gemmRowMajor(m, n, k, opA, opB, product);
    for (int e = 0; e < m * n; e++) {
      c[cOff + e] = accumulate ? c[cOff + e] + product[e] : product[e];
    }
  }

  /** A row-major {@code rows x cols} copy of a matrix stored so, or transposed if {@code trans}. */
  private static double[] rowMajor(boolean trans, int rows, int cols, double[] x, int off) {
    double[] out = new double[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int col = 0; col < cols; col++) {
        out[r * cols + col] = trans ? x[off + col * rows + r] : x[off + r * cols + col];
      }
    }
    return out;
  }

  /**
   * {@code c[i][j] = sum_p a[i][p] b[p][j]}, all row-major from offset 0, summed over p in order.
   * The i-p-j loop order walks b and c along rows, so the inner loop is contiguous.
   */
  private static void gemmRowMajor(int m, int n, int k, double[] a, double[] b, double[] c) {
    int rowsPerTask = (int) Math.max(1, GEMM_TASK_WORK / Math.max(1L, (long) n * k));
    Parallel.forRange(m, rowsPerTask, (from, to) -> {
      for (int i = from; i < to; i++) {
        for (int p = 0; p < k; p++) {
          double aip = a[i * k + p];
          for (int j = 0; j < n; j++) {
            c[i * n + j] += aip * b[p * n + j];
          }
        }
      }
    });
  }

  // ---- Convolution --------------------------------------------------------------------------

  @Override
  public void conv2d(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
    double[] out = new double[g.n() * g.cOut() * g.outH() * g.outW()];
    ScalarConvolution.forward(g, widen(x), widen(w), bias == null ? null : widen(bias), out);
    narrow(out, y);
  }

  @Override
  public void conv2d(ConvGeometry g, double[] x, double[] w, double[] bias, double[] y) {
    ScalarConvolution.forward(g, x, w, bias, y);
  }

  @Override
  public void conv2dBackwardInput(ConvGeometry g, float[] gy, float[] w, float[] gx) {
    double[] out = new double[g.n() * g.cIn() * g.h() * g.w()];
    ScalarConvolution.backwardInput(g, widen(gy), widen(w), out);
    narrow(out, gx);
  }

  @Override
  public void conv2dBackwardInput(ConvGeometry g, double[] gy, double[] w, double[] gx) {
    ScalarConvolution.backwardInput(g, gy, w, gx);
  }

  @Override
  public void conv2dBackwardWeight(ConvGeometry g, float[] x, float[] gy, float[] gw) {
    double[] out = new double[g.cOut() * g.cIn() * g.kh() * g.kw()];
    ScalarConvolution.backwardWeight(g, widen(x), widen(gy), out);
    narrow(out, gw);
  }

  @Override
  public void conv2dBackwardWeight(ConvGeometry g, double[] x, double[] gy, double[] gw) {
    ScalarConvolution.backwardWeight(g, x, gy, gw);
  }

  // ---- Pooling ------------------------------------------------------------------------------

  @Override
  public void maxPool2d(PoolGeometry g, float[] x, float[] y, int[] argmax) {
    double[] out = new double[g.planes() * g.outH() * g.outW()];
    ScalarPooling.maxPool(g, widen(x), out, argmax);
    narrow(out, y);
  }

  @Override
  public void maxPool2d(PoolGeometry g, double[] x, double[] y, int[] argmax) {
    ScalarPooling.maxPool(g, x, y, argmax);
  }

  @Override
  public void maxPool2dBackward(PoolGeometry g, float[] gy, int[] argmax, float[] gx) {
    double[] out = new double[g.planes() * g.h() * g.w()];
    ScalarPooling.maxPoolBackward(g, widen(gy), argmax, out);
    narrow(out, gx);
  }

  @Override
  public void maxPool2dBackward(PoolGeometry g, double[] gy, int[] argmax, double[] gx) {
    ScalarPooling.maxPoolBackward(g, gy, argmax, gx);
  }

  @Override
  public void avgPool2d(PoolGeometry g, float[] x, float[] y) {
    double[] out = new double[g.planes() * g.outH() * g.outW()];
    ScalarPooling.avgPool(g, widen(x), out);
    narrow(out, y);
  }

  @Override
  public void avgPool2d(PoolGeometry g, double[] x, double[] y) {
    ScalarPooling.avgPool(g, x, y);
  }

  @Override
  public void avgPool2dBackward(PoolGeometry g, float[] gy, float[] gx) {
    double[] out = new double[g.planes() * g.h() * g.w()];
    ScalarPooling.avgPoolBackward(g, widen(gy), out);
    narrow(out, gx);
  }

  @Override
  public void avgPool2dBackward(PoolGeometry g, double[] gy, double[] gx) {
    ScalarPooling.avgPoolBackward(g, gy, gx);
  }

  @Override
  public void globalAvgPool(int planes, int planeSize, float[] x, float[] y) {
    Parallel.forEach(planes, p -> y[p] = (float) (sum(x, p * planeSize, planeSize) / planeSize));
  }

  @Override
  public void globalAvgPool(int planes, int planeSize, double[] x, double[] y) {
    Parallel.forEach(planes, p -> y[p] = sum(x, p * planeSize, planeSize) / planeSize);
  }

  // ---- Elementwise --------------------------------------------------------------------------

  @Override
  public void unary(UnaryOp op, float[] x, int xOff, float[] y, int yOff, int n) {
    Parallel.forRange(n, ELEMENTWISE_GRAIN, (from, to) -> {
      for (int i = from; i < to; i++) {
        y[yOff + i] = (float) op.apply(x[xOff + i]);
      }
    });
  }

  @Override
  public void unary(UnaryOp op, double[] x, int xOff, double[] y, int yOff, int n) {
    Parallel.forRange(n, ELEMENTWISE_GRAIN, (from, to) -> {
      for (int i = from; i < to; i++) {
        y[yOff + i] = op.apply(x[xOff + i]);
      }
    });
  }

  @Override
  public void binary(BinaryOp op, float[] a, int aOff, float[] b, int bOff,
      float[] y, int yOff, int n) {
    Parallel.forRange(n, ELEMENTWISE_GRAIN, (from, to) -> {
      for (int i = from; i < to; i++) {
        y[yOff + i] = (float) op.apply(a[aOff + i], b[bOff + i]);
      }
    });
  }

  @Override
  public void binary(BinaryOp op, double[] a, int aOff, double[] b, int bOff,
      double[] y, int yOff, int n) {
    Parallel.forRange(n, ELEMENTWISE_GRAIN, (from, to) -> {
      for (int i = from; i < to; i++) {
        y[yOff + i] = op.apply(a[aOff + i], b[bOff + i]);
      }
    });
  }

  @Override
  public void binaryScalar(BinaryOp op, float[] a, int aOff, float s, float[] y, int yOff, int n) {
    Parallel.forRange(n, ELEMENTWISE_GRAIN, (from, to) -> {
      for (int i = from; i < to; i++) {
        y[yOff + i] = (float) op.apply(a[aOff + i], s);
      }
    });
  }

  @Override
  public void binaryScalar(BinaryOp op, double[] a, int aOff, double s,
      double[] y, int yOff, int n) {
    Parallel.forRange(n, ELEMENTWISE_GRAIN, (from, to) -> {
      for (int i = from; i < to; i++) {
        y[yOff + i] = op.apply(a[aOff + i], s);
      }
    });
  }

  @Override
  public void reluBackward(float[] gy, float[] x, float[] gx, int n) {
    Parallel.forRange(n, ELEMENTWISE_GRAIN, (from, to) -> {
      for (int i = from; i < to; i++) {
        gx[i] = x[i] > 0 ? gy[i] : 0f;
      }
    });
  }

  @Override
  public void reluBackward(double[] gy, double[] x, double[] gx, int n) {
    Parallel.forRange(n, ELEMENTWISE_GRAIN, (from, to) -> {
      for (int i = from; i < to; i++) {
        gx[i] = x[i] > 0 ? gy[i] : 0.0;
      }
    });
  }

  // ---- Per channel (ScalarPerChannel) ---------------------------------------------------------

  @Override
  public void binaryPerChannel(BinaryOp op, ChannelLayout l, float[] a, float[] perChannel,
      float[] y) {
    ScalarPerChannel.binary(op, l, a, perChannel, y);
  }

  @Override
  public void binaryPerChannel(BinaryOp op, ChannelLayout l, double[] a, double[] perChannel,
      double[] y) {
    ScalarPerChannel.binary(op, l, a, perChannel, y);
  }

  @Override
  public void affinePerChannel(ChannelLayout l, float[] x, float[] scale, float[] shift,
      float[] y) {
    ScalarPerChannel.affine(l, x, scale, shift, y);
  }

  @Override
  public void affinePerChannel(ChannelLayout l, double[] x, double[] scale, double[] shift,
      double[] y) {
    ScalarPerChannel.affine(l, x, scale, shift, y);
  }

  @Override
  public void sumPerChannel(ChannelLayout l, float[] x, double[] sums) {
    ScalarPerChannel.reduce(l, sums, (i, c) -> x[i]);
  }

  @Override
  public void sumPerChannel(ChannelLayout l, double[] x, double[] sums) {
    ScalarPerChannel.reduce(l, sums, (i, c) -> x[i]);
  }

  @Override
  public void dotPerChannel(ChannelLayout l, float[] a, float[] b, double[] sums) {
    ScalarPerChannel.reduce(l, sums, (i, c) -> (double) a[i] * b[i]);
  }

  @Override
  public void dotPerChannel(ChannelLayout l, double[] a, double[] b, double[] sums) {
    ScalarPerChannel.reduce(l, sums, (i, c) -> a[i] * b[i]);
  }

  @Override
  public void squaredDeviationsPerChannel(ChannelLayout l, float[] x, double[] means,
      double[] sums) {
    ScalarPerChannel.reduce(l, sums, (i, c) -> (x[i] - means[c]) * (x[i] - means[c]));
  }

  @Override
  public void squaredDeviationsPerChannel(ChannelLayout l, double[] x, double[] means,
      double[] sums) {
    ScalarPerChannel.reduce(l, sums, (i, c) -> (x[i] - means[c]) * (x[i] - means[c]));
  }

  // ---- Reductions ---------------------------------------------------------------------------

  @Override
  public double sum(float[] x, int off, int n) {
    double s = 0.0;
    for (int i = off; i < off + n; i++) {
      s += x[i];
    }
    return s;
  }

  @Override
  public double sum(double[] x, int off, int n) {
    double s = 0.0;
    for (int i = off; i < off + n; i++) {
      s += x[i];
    }
    return s;
  }

  // ---- Helpers ------------------------------------------------------------------------------

  /** A double copy of a whole float array. */
  static double[] widen(float[] x) {
    return widen(x, 0, x.length);
  }

  /** A double copy of {@code x[off .. off+n)}. */
  static double[] widen(float[] x, int off, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = x[off + i];
    }
    return out;
  }

  /** Rounds each double of {@code src} to the nearest float into {@code dst}. */
  static void narrow(double[] src, float[] dst) {
    for (int i = 0; i < src.length; i++) {
      dst[i] = (float) src[i];
    }
  }
}
