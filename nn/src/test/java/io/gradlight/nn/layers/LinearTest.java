package io.gradlight.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Variable;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearTest {

  @Test
  void computesXTimesWTransposedPlusB() {
    Linear fc = new Linear(3, 2, true, new SplittableRandom(1));
    fc.to(DType.F64);
    Tensor x = Tensor.normal(DType.F64, Shape.of(4, 3), 0, 1, new SplittableRandom(2));
    Tensor y = fc.forward(Variable.constant(x)).value();
    Tensor w = fc.weight().value();
    Tensor b = fc.bias().value();
    for (int n = 0; n < 4; n++) {
      for (int o = 0; o < 2; o++) {
        double expected = b.get(o);
        for (int i = 0; i < 3; i++) {
          expected += x.get(n, i) * w.get(o, i);
        }
        assertEquals(expected, y.get(n, o), 1e-14);
      }
    }
  }

  @Test
  void initialisesWithinOneOverSqrtInFeatures() {
    Linear fc = new Linear(25, 40, true, new SplittableRandom(3));
    assertTrue(fc.weight().value().abs().maxValue() <= 0.2);
    assertTrue(fc.bias().value().abs().maxValue() <= 0.2);
    assertTrue(fc.weight().value().abs().maxValue() > 0.18);
  }

  @Test
  void rejectsAnInputOfTheWrongWidth() {
    Linear fc = new Linear(3, 2, false, new SplittableRandom(1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> fc.forward(Variable.constant(Tensor.zeros(DType.F32, 2, 4))));
    assertEquals(
        "Linear(in_features=3, out_features=2, bias=False) expects input [N, 3], got" + " [2, 4]",
        e.getMessage());
  }
}
