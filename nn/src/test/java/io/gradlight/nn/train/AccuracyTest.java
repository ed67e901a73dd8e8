package io.gradlight.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class AccuracyTest {
  @Test
  void countsRowsWhoseArgmaxIsTheLabel() {
    Tensor logits = Tensor.of(new double[] {0, 5, 1, 9, 2, 3, 4, 4, 1}, 3, 3);
    assertEquals(1, Accuracy.correct(logits, new int[] {1, 1, 2}));
    assertEquals(3, Accuracy.correct(logits, new int[] {1, 0, 0}));
  }
}
