package io.gradlight.tensor;

import static io.gradlight.tensor.TestTensors.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShapeTest {

  @Test
  void sizesStridesAndAxes() {
    Shape s = Shape.of(2, 3, 4);
    assertEquals(3, s.rank());
    assertEquals(24, s.size());
    assertArrayEquals(new int[] {12, 4, 1}, s.strides());
    assertEquals(4, s.dim(-1));
    assertEquals(1, s.axis(-2));
    assertEquals(1, Shape.scalar().size());
    assertEquals(0, Shape.of(3, 0).size());
    assertEquals("[2, 3, 4]", s.toString());
    assertEquals(Shape.of(2, 3, 4), s);
    assertNotEquals(Shape.of(2, 3), s);
  }

  @Test
  void dimsAreCopiedInAndOut() {
    int[] dims = {2, 3};
    Shape s = Shape.of(dims);
    dims[0] = 9;
    s.dims()[1] = 9;
    assertEquals(Shape.of(2, 3), s);
  }

  @Test
  void badShapesAndAxesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Shape.of(2, -1));
    assertThrows(IllegalArgumentException.class, () -> Shape.of(1 << 16, 1 << 16));
    assertThrows(IllegalArgumentException.class, () -> Shape.of(2, 3).axis(2));
    assertMessage(assertThrows(IllegalArgumentException.class, () -> Shape.of(2, 3).axis("op", -3)),
        "op", "axis -3", "[2, 3]");
  }
}
