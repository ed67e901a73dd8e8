package io.gradlight.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The GEMM, elementwise and reduction kernels of the reference, against EJML and by hand. */
class ScalarKernelsTest {
  private final ScalarKernels k = ScalarKernels.INSTANCE;

  @Test
  void gemmOfEmptyShapesWritesZerosOrKeepsC() {
    float[] c = {5f, 6f};
    k.gemm(false, false, 1, 2, 0, new float[0], 0, new float[0], 0, c, 0, true);
    assertArrayEquals(new float[] {5f, 6f}, c);
    k.gemm(false, false, 1, 2, 0, new float[0], 0, new float[0], 0, c, 0, false);
    assertArrayEquals(new float[] {0f, 0f}, c);
    double[] d = {7};
    k.gemm(true, true, 0, 1, 3, new double[0], 0, new double[3], 0, d, 0, false);
    k.gemm(true, true, 1, 0, 3, new double[3], 0, new double[0], 0, d, 0, false);
    assertArrayEquals(new double[] {7}, d);
  }

  @Test
  void gemmOfOneByOneIsAProduct() {
    float[] c = {1f};
    k.gemm(true, true, 1, 1, 1, new float[] {3f}, 0, new float[] {-2f}, 0, c, 0, true);
    assertArrayEquals(new float[] {-5f}, c);
  }

  @Test
  void gemmByHandInAllFourLayouts() {
    // op(A) = [[1, 2, 3], [4, 5, 6]], op(B) = [[1, 0], [0, 1], [2, -1]], product by hand:
    double[] expected = {7, -1, 16, -1};
    double[] a = {1, 2, 3, 4, 5, 6};
    double[] aT = {1, 4, 2, 5, 3, 6};
    double[] b = {1, 0, 0, 1, 2, -1};
    double[] bT = {1, 0, 2, 0, 1, -1};
    for (int layout = 0; layout < 4; layout++) {
      boolean transA = (layout & 1) != 0;
      boolean transB = (layout & 2) != 0;
      double[] c = new double[4];
      k.gemm(transA, transB, 2, 2, 3, transA ? aT : a, 0, transB ? bT : b, 0, c, 0, false);
      assertArrayEquals(expected, c, 0.0, "transA=" + transA + " transB=" + transB);
    }
  }

  @Test
  void gemmMatchesEjmlWithOffsetsTransposesAndAccumulation() {
    int[][] sizes = {{1, 1, 1}, {3, 7, 5}, {17, 9, 33}, {31, 65, 16}, {2, 1, 63}};
    long seed = 1;
    for (int[] s : sizes) {
      int m = s[0];
      int n = s[1];
      int depth = s[2];
      for (int layout = 0; layout < 4; layout++) {
        boolean transA = (layout & 1) != 0;
        boolean transB = (layout & 2) != 0;
        double[] a = TestArrays.doubles(m * depth + 3, seed++);
        double[] b = TestArrays.doubles(depth * n + 2, seed++);
        double[] c = TestArrays.doubles(m * n + 1, seed++);
        DMatrixRMaj opA = ejml(transA, m, depth, a, 3);
        DMatrixRMaj opB = ejml(transB, depth, n, b, 2);
        DMatrixRMaj want = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(opA, opB, want);
        DMatrixRMaj absSum = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(abs(opA), abs(opB), absSum);

        double[] got = c.clone();
        k.gemm(transA, transB, m, n, depth, a, 3, b, 2, got, 1, true);
        float[] gotF = TestArrays.toFloat(c);
        k.gemm(transA, transB, m, n, depth, TestArrays.toFloat(a), 3, TestArrays.toFloat(b), 2,
            gotF, 1, false);
        assertEquals(c[0], got[0], 0.0, "the element before the offset is untouched");
        for (int e = 0; e < m * n; e++) {
          double tolF64 = Tolerances.f64Sum(depth + 1, absSum.data[e] + Math.abs(c[1 + e]));
          assertEquals(c[1 + e] + want.data[e], got[1 + e], tolF64, "F64 at " + e);
          // the F32 inputs are roundings of a and b, so compare against the F32-rounded oracle
          // each rounded input pair moves its term by at most 2u + u^2 of its size
          double tolF32 = 3 * Tolerances.F32_UNIT * absSum.data[e]
              + Tolerances.f32Rounded(depth, want.data[e], absSum.data[e]);
          assertEquals(want.data[e], gotF[1 + e], tolF32, "F32 at " + e);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(UnaryOp.class)
  void unaryAppliesTheDefinitionInPlaceAndAtOffsets(UnaryOp op) {
    double[] x = TestArrays.doubles(9, 7);
    x[4] = Double.NaN;
    double[] y = x.clone();
    k.unary(op, y, 2, y, 2, 6);
    float[] xf = TestArrays.toFloat(x);
    float[] yf = new float[10];
    k.unary(op, xf, 2, yf, 3, 6);
    for (int i = 0; i < 9; i++) {
      double want = i >= 2 && i < 8 ? op.apply(x[i]) : x[i];
      assertEquals(want, y[i], 0.0, op + " at " + i);
    }
    for (int i = 0; i < 6; i++) {
      assertEquals((float) op.apply(xf[2 + i]), yf[3 + i], 0f, op + " F32 at " + i);
    }
  }

  @ParameterizedTest
  @EnumSource(BinaryOp.class)
  void binaryAndBinaryScalarApplyTheDefinition(BinaryOp op) {
    double[] a = TestArrays.doubles(7, 8);
    double[] b = TestArrays.doubles(7, 9);
    double[] y = new double[7];
    k.binary(op, a, 1, b, 2, y, 0, 5);
    float[] yf = new float[7];
    k.binaryScalar(op, TestArrays.toFloat(a), 0, 0.5f, yf, 1, 6);
    for (int i = 0; i < 5; i++) {
      assertEquals(op.apply(a[1 + i], b[2 + i]), y[i], 0.0, op + " at " + i);
    }
    for (int i = 0; i < 6; i++) {
      assertEquals((float) op.apply((float) a[i], 0.5), yf[1 + i], 0f, op + " scalar at " + i);
    }
  }

  @Test
  void reluBackwardPassesTheGradientWherePositive() {
    double[] gx = new double[4];
    k.reluBackward(new double[] {1, 2, 3, 4}, new double[] {-1, 0, 0.5, Double.NaN}, gx, 4);
    assertArrayEquals(new double[] {0, 0, 3, 0}, gx, 0.0);
  }

  @Test
  void sumAndGlobalAveragePoolAccumulateInDouble() {
    float[] x = new float[1 << 12];
    Arrays.fill(x, 0.1f);
    double want = (1 << 12) * (double) 0.1f; // exact: a power of two times a float
    assertEquals(want, k.sum(x, 0, x.length), 0.0);
    assertEquals(0.0, k.sum(x, 5, 0), 0.0);
    float[] y = new float[2];
    k.globalAvgPool(2, 3, new float[] {1, 2, 3, -4, 5, 8}, y);
    assertArrayEquals(new float[] {2f, 3f}, y);
    k.globalAvgPool(0, 3, new float[0], new float[0]);
  }

  private static DMatrixRMaj ejml(boolean trans, int rows, int cols, double[] x, int off) {
    DMatrixRMaj stored = trans ? new DMatrixRMaj(cols, rows) : new DMatrixRMaj(rows, cols);
    System.arraycopy(x, off, stored.data, 0, rows * cols);
    return trans ? CommonOps_DDRM.transpose(stored, null) : stored;
  }

  private static DMatrixRMaj abs(DMatrixRMaj x) {
    DMatrixRMaj out = x.copy();
    CommonOps_DDRM.abs(out);
    return out;
  }
}
