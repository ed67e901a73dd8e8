package io.gradlight.tensor;

import static io.gradlight.tensor.TestTensors.assertMessage;
import static io.gradlight.tensor.TestTensors.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ViewsTest {

  /** The row-major multi-index of flat index {@code flat} in {@code dims}. */
  static int[] unravel(int flat, int[] dims) {
    int[] index = new int[dims.length];
    for (int k = dims.length - 1; k >= 0; k--) {
      index[k] = flat % dims[k];
      flat /= dims[k];
    }
    return index;
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void permuteMovesEveryElement(DType dt) {
    Tensor x = randn(dt, 1, 2, 3, 1, 4);
    int[] axes = {3, 1, 0, 2};
    Tensor y = x.permute(axes);
    assertEquals(Shape.of(4, 3, 2, 1), y.shape());
    for (int i = 0; i < y.size(); i++) {
      int[] out = unravel(i, y.shape().dims());
      int[] in = new int[4];
      for (int k = 0; k < 4; k++) {
        in[axes[k]] = out[k];
      }
      assertEquals(x.get(in), y.getFlat(i));
    }
    assertEquals(Shape.of(2, 0, 3), Tensor.zeros(dt, 3, 2, 0).permute(1, 2, 0).shape());
    assertEquals(5.0, Tensor.scalar(dt, 5).permute().item());
  }

  @Test
  void permuteRejectsNonPermutations() {
    Tensor x = Tensor.zeros(DType.F32, 2, 3);
    assertMessage(assertThrows(IllegalArgumentException.class, () -> x.permute(0, 0)),
        "permute", "[0, 0]", "[2, 3]");
    assertThrows(IllegalArgumentException.class, () -> x.permute(0));
    assertThrows(IllegalArgumentException.class, () -> x.permute(0, 2));
  }

  @Test
  void transposeSwapsTwoAxesAndAcceptsNegativeAxes() {
    Tensor x = randn(DType.F64, 2, 2, 3, 4);
    Tensor y = x.transpose(0, -1);
    assertEquals(Shape.of(4, 3, 2), y.shape());
    assertEquals(x.get(1, 2, 3), y.get(3, 2, 1));
    Tensor m = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, m.transpose(0, 1).toDoubleArray());
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void sliceKeepsTheRangeAlongOneAxis(DType dt) {
    Tensor x = randn(dt, 3, 3, 4, 5);
    Tensor y = x.slice(1, 1, 3);
    assertEquals(Shape.of(3, 2, 5), y.shape());
    for (int i = 0; i < y.size(); i++) {
      int[] idx = unravel(i, y.shape().dims());
      assertEquals(x.get(idx[0], idx[1] + 1, idx[2]), y.getFlat(i));
    }
    assertEquals(Shape.of(3, 0, 5), x.slice(-2, 2, 2).shape());
    assertMessage(assertThrows(IllegalArgumentException.class, () -> x.slice(2, 3, 6)),
        "slice", "[3, 6)", "[3, 4, 5]");
    assertThrows(IllegalArgumentException.class, () -> x.slice(0, 2, 1));
    assertMessage(assertThrows(IllegalArgumentException.class, () -> x.slice(3, 0, 1)),
        "slice", "axis 3", "[3, 4, 5]");
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void concatJoinsAlongAnAxisAndUndoesSlices(DType dt) {
    Tensor x = randn(dt, 4, 2, 5, 3);
    Tensor joined = Tensor.concat(1, x.slice(1, 0, 2), x.slice(1, 2, 2), x.slice(1, 2, 5));
    Tolerances.assertSameValues(x, joined);
    Tensor rows = Tensor.concat(0, x.slice(0, 1, 2), x.slice(0, 0, 1));
    assertEquals(x.get(0, 4, 2), rows.get(1, 4, 2));
    assertEquals(x.get(1, 0, 0), rows.get(0, 0, 0));
  }

  @Test
  void concatRejectsMismatchedShapesDTypesAndNothing() {
    Tensor a = Tensor.zeros(DType.F32, 2, 3);
    assertMessage(
        assertThrows(IllegalArgumentException.class,
            () -> Tensor.concat(0, a, Tensor.zeros(DType.F32, 2, 4))),
        "concat", "[2, 3]", "[2, 4]");
    assertMessage(
        assertThrows(IllegalArgumentException.class,
            () -> Tensor.concat(0, a, Tensor.zeros(DType.F64, 2, 3))),
        "concat", "F32", "F64");
    assertThrows(IllegalArgumentException.class, () -> Tensor.concat(0));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void padSurroundsWithTheValue(DType dt) {
    Tensor x = randn(dt, 5, 2, 3);
    Tensor y = x.pad(new int[] {1, 0}, new int[] {2, 3}, -7);
    assertEquals(Shape.of(5, 6), y.shape());
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 6; j++) {
        double expected = i >= 1 && i < 3 && j < 3 ? x.get(i - 1, j) : -7;
        assertEquals(expected, y.get(i, j));
      }
    }
    assertEquals(Shape.of(2, 2), Tensor.zeros(dt, 0, 0).pad(new int[] {1, 1}, new int[] {1, 1}, 1)
        .shape());
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> x.pad(new int[] {1}, new int[] {1}, 0)),
        "pad", "[2, 3]");
    assertThrows(IllegalArgumentException.class, () -> x.pad(new int[] {-1, 0}, new int[2], 0));
  }

  @Test
  void unsqueezeAndSqueezeChangeOnlyTheShape() {
    Tensor x = randn(DType.F64, 6, 2, 3);
    assertEquals(Shape.of(1, 2, 3), x.unsqueeze(0).shape());
    assertEquals(Shape.of(2, 3, 1), x.unsqueeze(-1).shape());
    assertEquals(Shape.of(2, 1, 3), x.unsqueeze(1).shape());
    assertSame(x.f64(), x.unsqueeze(1).f64());
    assertEquals(x.shape(), x.unsqueeze(1).squeeze(1).shape());
    assertEquals(Shape.of(2, 3), x.unsqueeze(2).squeeze(-1).shape());
    assertMessage(assertThrows(IllegalArgumentException.class, () -> x.squeeze(0)),
        "squeeze", "size 2");
    assertThrows(IllegalArgumentException.class, () -> x.unsqueeze(4));
  }
}
