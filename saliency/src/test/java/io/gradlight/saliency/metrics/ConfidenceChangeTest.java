package io.gradlight.saliency.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ConfidenceChangeTest {
  /** F32 forward passes: probabilities agree with the double formula to this. */
  private static final double PROBABILITY_TOLERANCE = 1e-5;

  private final RegionModel model = new RegionModel(12, 2, 4);
  private final Tensor images = model.images(2, 3);
  private final int[] classes = {0, 0};

  @Test
  void averageDropAndIncreaseFromHandMadeProbabilities() {
    ConfidenceChange.Result r = new ConfidenceChange.Result(
        new double[] {0.5, 0.8, 0.4, 0.0}, new double[] {0.25, 0.9, 0.4, 0.1});
    assertArrayEquals(new double[] {50, 0, 0, 0}, r.drops(), 1e-12);
    assertEquals(12.5, r.averageDrop(), 1e-12);
    assertEquals(50, r.increaseInConfidence(), 1e-12); // 0.9 > 0.8 and 0.1 > 0; 0.4 is no rise
  }

  @Test
  void explanationMapIsTheInputTimesTheMap() {
    double clean = RegionModel.probability(RegionModel.A + RegionModel.B);
    ConfidenceChange.Result ones = ConfidenceChange.evaluate(
        model, images, Tensor.ones(DType.F32, 2, 12, 12), classes, 1);
    assertArrayEquals(new double[] {clean, clean}, ones.original(), PROBABILITY_TOLERANCE);
    assertArrayEquals(ones.original(), ones.explained(), 0);
    assertEquals(0, ones.averageDrop());
    assertEquals(0, ones.increaseInConfidence());

    // Half the map on the region: the logit's region term halves.
    ConfidenceChange.Result half = ConfidenceChange.evaluate(
        model, images, Tensor.full(DType.F32, Shape.of(2, 12, 12), 0.5),
        classes, 8);
    double o = RegionModel.probability(RegionModel.A / 2 + RegionModel.B);
    assertArrayEquals(new double[] {o, o}, half.explained(), PROBABILITY_TOLERANCE);
    assertEquals(100 * (clean - o) / clean, half.averageDrop(), 1e-4);
  }

  @Test
  void rejectsMapsOfAnotherSize() {
    assertThrows(IllegalArgumentException.class, () -> ConfidenceChange.evaluate(
        model, images, Tensor.ones(DType.F32, 2, 12, 11), classes, 1));
  }
}
