package io.gradlight.saliency.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class EnergyPointingGameTest {
  @Test
  void energyInsideTheBoundingBoxOfTheMask() {
    // An L-shaped object: its box is rows 0-1, columns 0-1, including the pixel (0, 1) it
    // does not cover.
    Tensor mask = Tensor.of(new double[] {
        1, 0, 0,
        1, 1, 0,
        0, 0, 0}, 1, 3, 3);
    Tensor map = Tensor.of(new double[] {
        0.1, 0.4, 0.2,
        0.0, 0.3, 0.0,
        0.5, 0.0, 0.5}, 1, 3, 3);
    // box: 0.1 + 0.4 + 0.0 + 0.3 = 0.8 of 2.0
    assertEquals(0.4, EnergyPointingGame.proportions(map, mask)[0], 1e-12);
  }

  @Test
  void negativeValuesCarryNoEnergyAndAFlatZeroMapScoresZero() {
    Tensor mask = Tensor.of(new double[] {1, 0, 0, 0}, 1, 2, 2);
    Tensor signed = Tensor.of(new double[] {1, -5, 1, 2}, 1, 2, 2);
    assertEquals(0.25, EnergyPointingGame.proportions(signed, mask)[0], 1e-12);
    assertEquals(0, EnergyPointingGame.proportions(signed.zerosLike(), mask)[0]);
  }

  @Test
  void anEmptyMaskIsNaNAndImagesAreIndependent() {
    Tensor masks = Tensor.of(new double[] {0, 0, 0, 0, 0, 1, 0, 0}, 2, 2, 2);
    Tensor maps = Tensor.of(new double[] {1, 1, 1, 1, 1, 3, 0, 0}, 2, 2, 2);
    double[] p = EnergyPointingGame.proportions(maps, masks);
    assertTrue(Double.isNaN(p[0]));
    assertArrayEquals(new double[] {0.75}, new double[] {p[1]}, 1e-12);
  }
}
