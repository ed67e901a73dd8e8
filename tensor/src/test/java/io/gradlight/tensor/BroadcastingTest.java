package io.gradlight.tensor;

import static io.gradlight.tensor.TestTensors.assertMessage;
import static io.gradlight.tensor.TestTensors.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BroadcastingTest {

  @Test
  void shapesAlignAtTheLastAxis() {
    assertEquals(Shape.of(2, 3, 4), Tensor.broadcastShapes(Shape.of(3, 1), Shape.of(2, 1, 4)));
    assertEquals(Shape.of(5), Tensor.broadcastShapes(Shape.scalar(), Shape.of(5)));
    assertEquals(Shape.of(0, 3), Tensor.broadcastShapes(Shape.of(0, 1), Shape.of(3)));
    assertEquals(Shape.of(1, 1), Tensor.broadcastShapes(Shape.of(1), Shape.of(1, 1)));
    assertMessage(
        assertThrows(IllegalArgumentException.class,
            () -> Tensor.broadcastShapes(Shape.of(2, 3), Shape.of(4))),
        "broadcastShapes", "[2, 3] and [4] do not broadcast");
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void broadcastToRepeatsAlongSizeOneAndMissingAxes(DType dt) {
    Tensor x = randn(dt, 1, 3, 1);
    Tensor y = x.broadcastTo(Shape.of(2, 3, 4));
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 3; b++) {
        for (int c = 0; c < 4; c++) {
          assertEquals(x.get(b, 0), y.get(a, b, c));
        }
      }
    }
    assertEquals(Shape.of(3, 0), x.broadcastTo(Shape.of(3, 0)).shape());
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> x.broadcastTo(Shape.of(2, 4))),
        "broadcastTo", "[3, 1]", "[2, 4]");
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void sumToSumsTheBroadcastAxes(DType dt) {
    Tensor x = randn(dt, 2, 2, 3, 4);
    Tensor y = x.sumTo(Shape.of(3, 1));
    assertEquals(Shape.of(3, 1), y.shape());
    for (int b = 0; b < 3; b++) {
      double expected = 0;
      for (int a = 0; a < 2; a++) {
        for (int c = 0; c < 4; c++) {
          expected += x.get(a, b, c);
        }
      }
      assertEquals(expected, y.get(b, 0), Tolerances.sum(dt, 8, expected));
    }
    assertEquals(x.sum().item(), x.sumTo(Shape.scalar()).item(), Tolerances.sum(dt, 24, 0));
    Tolerances.assertSameValues(x, x.sumTo(x.shape()));
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> x.sumTo(Shape.of(2, 1))),
        "sumTo", "[2, 1]");
  }

  @Test
  void sumToIsTheAdjointOfBroadcastTo() {
    Tensor small = randn(DType.F64, 4, 3, 1, 5);
    Shape big = Shape.of(2, 3, 6, 5);
    Tensor g = randn(DType.F64, 5, 2, 3, 6, 5);
    Tolerances.assertAdjoint(g, small.broadcastTo(big), g.sumTo(small.shape()), small);
  }
}
