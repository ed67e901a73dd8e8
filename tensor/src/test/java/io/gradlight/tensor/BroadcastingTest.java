package io.gradlight.tensor;

import static io.gradlight.tensor.TestTensors.assertMessage;
import static io.gradlight.tensor.TestTensors.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlight.tensor.kernels.ChannelLayout;
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
  void channelLayoutFindsTheBlockOfAxesTheSmallOperandVariesAlong() {
    assertLayout(new ChannelLayout(2, 3, 20), Shape.of(1, 3, 1, 1), Shape.of(2, 3, 4, 5));
    assertLayout(new ChannelLayout(2, 3, 20), Shape.of(3, 1, 1), Shape.of(2, 3, 4, 5));
    assertLayout(new ChannelLayout(6, 4, 1), Shape.of(4), Shape.of(2, 3, 4));
    assertLayout(new ChannelLayout(1, 6, 5), Shape.of(2, 3, 1), Shape.of(2, 3, 5));
    assertLayout(new ChannelLayout(2, 12, 5), Shape.of(3, 4, 1), Shape.of(2, 3, 4, 5));
    // axes of size 1 in the result do not break the block
    assertLayout(new ChannelLayout(2, 3, 5), Shape.of(1, 3, 1, 1), Shape.of(2, 3, 1, 5));
    assertLayout(new ChannelLayout(2, 12, 1), Shape.of(3, 1, 4), Shape.of(2, 3, 1, 4));
    // a repeated axis between two own axes, one value, all values, no values: no layout
    assertLayout(null, Shape.of(4, 1, 5), Shape.of(4, 3, 5));
    assertLayout(null, Shape.of(1, 1), Shape.of(3, 4));
    assertLayout(null, Shape.of(1, 3, 4), Shape.of(3, 4));
    assertLayout(null, Shape.of(3), Shape.of(0, 3));
  }

  private static void assertLayout(ChannelLayout expected, Shape small, Shape target) {
    assertEquals(expected, Broadcasting.channelLayout(small, target), small + " to " + target);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void broadcastToAgreesWithAndWithoutAChannelLayout(DType dt) {
    // [3, 1, 1] varies along one block; [3, 1, 5] along two, so it takes the strided copy
    for (int[] dims : new int[][] {{3, 1, 1}, {3, 1, 5}, {1, 5}, {1, 1, 5}}) {
      Tensor x = randn(dt, 7, dims);
      Shape target = Shape.of(2, 3, 4, 5);
      Tensor y = x.broadcastTo(target);
      for (int i = 0; i < target.size(); i++) {
        int[] idx = ViewsTest.unravel(i, target.dims());
        int[] own = new int[dims.length];
        for (int k = 0; k < dims.length; k++) {
          own[k] = dims[k] == 1 ? 0 : idx[idx.length - dims.length + k];
        }
        assertEquals(x.get(own), y.get(idx), 0.0, "element " + i + " of " + x.shape());
      }
    }
  }

  @Test
  void sumToIsTheAdjointOfBroadcastTo() {
    Tensor small = randn(DType.F64, 4, 3, 1, 5);
    Shape big = Shape.of(2, 3, 6, 5);
    Tensor g = randn(DType.F64, 5, 2, 3, 6, 5);
    Tolerances.assertAdjoint(g, small.broadcastTo(big), g.sumTo(small.shape()), small);
  }
}
