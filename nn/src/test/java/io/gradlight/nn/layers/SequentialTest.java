package io.gradlight.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlight.autograd.Variable;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SequentialTest {

  @Test
  void namesLayersByPositionAndAppliesThemInOrder() {
    SplittableRandom rng = new SplittableRandom(1);
    Sequential s =
        new Sequential(
            new Conv2d(1, 2, 3, 1, 0, true, rng),
            new ReLU(),
            new MaxPool2d(2),
            new Flatten(),
            new Linear(8, 3, true, rng));
    assertEquals(List.of("0.weight", "0.bias", "4.weight", "4.bias"), s.stateDict().names());
    assertEquals(5, s.size());
    Variable y = s.forward(Variable.constant(Tensor.ones(DType.F32, 2, 1, 6, 6)));
    assertEquals(Shape.of(2, 3), y.shape());
  }

  @Test
  void poolingWindowsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(2, 2, 2));
    assertEquals(
        "AvgPool2d(kernel_size=(3, 3), stride=(2, 2), padding=(1, 1))",
        new AvgPool2d(3, 2, 1).toString());
  }
}
