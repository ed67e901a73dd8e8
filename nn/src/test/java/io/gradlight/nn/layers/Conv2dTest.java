package io.gradlight.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Variable;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Conv2dTest {

  @Test
  void defaultInitialisationIsUniformWithinOneOverSqrtFanIn() {
    Conv2d conv = new Conv2d(4, 8, 3, 1, 1, true, new SplittableRandom(1));
    double bound = 1 / Math.sqrt(4 * 3 * 3);
    for (Tensor t : List.of(conv.weight().value(), conv.bias().value())) {
      assertTrue(t.maxValue() <= bound && t.minValue() >= -bound, t.toString());
    }
    Tensor w = conv.weight().value();
    assertTrue(w.maxValue() > 0.9 * bound && w.minValue() < -0.9 * bound, "spread " + w);
    assertEquals(0, w.mean().item(), 0.1 * bound);
  }

  @Test
  void theSameSeedGivesTheSameWeights() {
    float[] a = new Conv2d(2, 3, 3, 1, 0, false, new SplittableRandom(4)).weight().value().f32();
    float[] b = new Conv2d(2, 3, 3, 1, 0, false, new SplittableRandom(4)).weight().value().f32();
    assertArrayEquals(a, b);
  }

  @Test
  void stridePaddingAndDilationShapeTheOutput() {
    Conv2d conv =
        new Conv2d(
            3,
            5,
            new int[] {3, 2},
            new int[] {2, 1},
            new int[] {1, 0},
            new int[] {2, 1},
            false,
            new SplittableRandom(2));
    assertNull(conv.bias());
    Variable y = conv.forward(Variable.constant(Tensor.zeros(DType.F32, 1, 3, 9, 6)));
    // H: (9 + 2 - 2 * 2 - 1) / 2 + 1 = 4;  W: (6 - 1 - 1) / 1 + 1 = 5
    assertEquals(Shape.of(1, 5, 4, 5), y.shape());
    assertEquals(
        "Conv2d(3, 5, kernel_size=(3, 2), stride=(2, 1), padding=(1, 0),"
            + " dilation=(2, 1), bias=False)",
        conv.toString());
  }

  @Test
  void aWrongChannelCountIsOneClearMessage() {
    Conv2d conv = new Conv2d(3, 4, 3, 1, 1, true, new SplittableRandom(2));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> conv.forward(Variable.constant(Tensor.zeros(DType.F32, 1, 1, 8, 8))));
    assertTrue(
        e.getMessage().endsWith("expects input [N, 3, H, W], got [1, 1, 8, 8]"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Conv2d(
                3,
                4,
                new int[] {0, 3},
                new int[] {1, 1},
                new int[] {0, 0},
                new int[] {1, 1},
                true,
                new SplittableRandom(1)));
  }
}
