package io.gradlight.tensor;

import static io.gradlight.tensor.TestTensors.assertMessage;
import static io.gradlight.tensor.TestTensors.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SoftmaxTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void matchesPyTorchIncludingHugeLogits(int axis) {
    FixtureFile f = FixtureFile.load("softmax_axis" + axis);
    for (DType dt : DType.values()) {
      Tensor x = f.tensor("x").to(dt);
      int length = x.dim(axis);
      Tolerances.assertClose(f.tensor("softmax"), x.softmax(axis), length);
      Tolerances.assertClose(f.tensor("logSoftmax"), x.logSoftmax(axis), length);
    }
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void linesSumToOneAndLogSoftmaxIsItsLog(DType dt) {
    Tensor x = randn(dt, 3, 2, 5, 3).mul(5);
    Tensor p = x.softmax(-2);
    Tolerances.assertClose(Tensor.ones(DType.F64, 2, 1, 3), p.sum(new int[] {1}, true), 5);
    Tolerances.assertClose(p.to(DType.F64).log(), x.logSoftmax(1), 5);
  }

  @Test
  void degenerateLines() {
    double inf = Double.POSITIVE_INFINITY;
    Tensor x = Tensor.of(new double[] {-inf, 0, -inf, -inf}, 2, 2);
    assertArrayEquals(new double[] {0, 1}, x.softmax(1).slice(0, 0, 1).toDoubleArray());
    assertTrue(Double.isNaN(x.softmax(1).get(1, 0)));
    assertEquals(0.0, Tensor.of(new double[] {7}, 1).logSoftmax(0).item());
    assertEquals(Shape.of(2, 0), Tensor.zeros(DType.F32, 2, 0).softmax(1).shape());
    assertMessage(assertThrows(IllegalArgumentException.class, () -> x.logSoftmax(2)),
        "logSoftmax", "axis 2");
  }
}
