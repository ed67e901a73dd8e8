package io.gradlight.tensor;

import static io.gradlight.tensor.TestTensors.assertMessage;
import static io.gradlight.tensor.TestTensors.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MatMulTest {

  /** EJML's product of two 2-D tensors, as an F64 tensor (the F32 one computed by EJML in F32). */
  private static Tensor ejml(Tensor a, Tensor b) {
    int m = a.dim(0);
    int n = b.dim(1);
    if (a.dtype() == DType.F32) {
      FMatrixRMaj c = new FMatrixRMaj(m, n);
      CommonOps_FDRM.mult(new FMatrixRMaj(m, a.dim(1), true, a.f32()),
          new FMatrixRMaj(b.dim(0), n, true, b.f32()), c);
      return Tensor.of(c.data, m, n).to(DType.F64);
    }
    DMatrixRMaj c = new DMatrixRMaj(m, n);
    CommonOps_DDRM.mult(new DMatrixRMaj(m, a.dim(1), true, a.f64()),
        new DMatrixRMaj(b.dim(0), n, true, b.f64()), c);
    return Tensor.of(c.data, m, n);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void twoDimensionalProductsMatchEjml(DType dt) {
    int[][] sizes = {{1, 1, 1}, {2, 3, 4}, {7, 1, 5}, {17, 33, 15}, {16, 31, 1}, {3, 64, 2}};
    long seed = 100;
    for (int[] s : sizes) {
      Tensor a = randn(dt, seed++, s[0], s[1]);
      Tensor b = randn(dt, seed++, s[1], s[2]);
      Tensor expected = ejml(a, b);
      Tolerances.assertClose(expected, a.matmul(b), s[1]);
      Tolerances.assertClose(expected, a.transpose(0, 1).matmul(b, true, false), s[1]);
      Tolerances.assertClose(expected, a.matmul(b.transpose(0, 1), false, true), s[1]);
      Tolerances.assertClose(
          expected, a.transpose(0, 1).matmul(b.transpose(0, 1), true, true), s[1]);
    }
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void batchAxesBroadcast(DType dt) {
    Tensor a = randn(dt, 1, 2, 1, 3, 4);
    Tensor b = randn(dt, 2, 5, 4, 2);
    Tensor c = a.matmul(b);
    assertEquals(Shape.of(2, 5, 3, 2), c.shape());
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 5; j++) {
        Tensor ai = a.slice(0, i, i + 1).reshape(3, 4);
        Tensor bj = b.slice(0, j, j + 1).reshape(4, 2);
        Tensor cij = c.slice(0, i, i + 1).slice(1, j, j + 1).reshape(3, 2);
        Tolerances.assertClose(ejml(ai, bj), cij, 4);
      }
    }
    Tensor bt = b.transpose(-1, -2);
    Tolerances.assertClose(c.to(DType.F64), a.matmul(bt, false, true), 4);
  }

  @Test
  void oneDimensionalOperandsActAsRowsAndColumns() {
    Tensor v = Tensor.of(new double[] {1, 2, 3}, 3);
    Tensor m = Tensor.of(new double[] {1, 0, 0, 1, 1, 1}, 3, 2);
    assertEquals(Shape.of(2), v.matmul(m).shape());
    assertEquals(4.0, v.matmul(m).get(0));
    assertEquals(5.0, v.matmul(m).get(1));
    assertEquals(Shape.of(2), m.transpose(0, 1).matmul(v).shape());
    assertEquals(14.0, v.matmul(v).item());
    assertEquals(0, v.matmul(v).rank());
    Tensor batch = Tensor.ones(DType.F64, 4, 2, 3);
    assertEquals(Shape.of(4, 2), batch.matmul(v).shape());
    assertEquals(6.0, batch.matmul(v).get(3, 1));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void emptyInnerSizeGivesZeros(DType dt) {
    Tensor c = Tensor.zeros(dt, 2, 0).matmul(Tensor.zeros(dt, 0, 3));
    Tolerances.assertSameValues(Tensor.zeros(dt, 2, 3), c);
    assertEquals(Shape.of(0, 3), Tensor.zeros(dt, 0, 4).matmul(Tensor.ones(dt, 4, 3)).shape());
  }

  @Test
  void mismatchesAreNamed() {
    Tensor a = Tensor.zeros(DType.F32, 2, 3);
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> a.matmul(Tensor.zeros(DType.F32, 4, 5))), "matmul", "[2, 3]", "[4, 5]", "3", "4");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> a.matmul(Tensor.zeros(DType.F64, 3, 5))), "matmul", "F32", "F64");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Tensor.zeros(DType.F32, 2, 2, 3).matmul(Tensor.zeros(DType.F32, 3, 3, 1))),
        "matmul", "[2] and [3] do not broadcast");
    assertThrows(IllegalArgumentException.class,
        () -> Tensor.scalar(DType.F32, 1).matmul(a));
  }
}
