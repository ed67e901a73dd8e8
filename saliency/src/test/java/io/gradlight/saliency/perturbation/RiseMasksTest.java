package io.gradlight.saliency.perturbation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RiseMasksTest {
  @Test
  void keptFractionIsTheKeepProbability() {
    for (double keep : new double[] {0.5, 0.2}) {
      double[] masks = new RiseMasks(400, 4, keep, 16, 16, 11).masks(0, 400);
      double mean = Arrays.stream(masks).average().orElseThrow();
      // The mean of 400 masks of 16 cells: standard deviation below 0.007.
      assertEquals(keep, mean, 0.025, "keep " + keep);
      assertTrue(Arrays.stream(masks).allMatch(v -> v >= 0 && v <= 1), "values in [0, 1]");
    }
  }

  @Test
  void keepingEveryCellGivesMasksOfOnes() {
    double[] masks = new RiseMasks(5, 3, 1.0, 10, 7, 0).masks(0, 5);
    assertEquals(5 * 10 * 7, masks.length);
    assertTrue(Arrays.stream(masks).allMatch(v -> v == 1.0));
  }

  @Test
  void aMaskIsTheSameInAnyRange() {
    RiseMasks generator = new RiseMasks(10, 5, 0.5, 12, 12, 3);
    double[] all = generator.masks(0, 10);
    double[] some = generator.masks(3, 7);
    assertArrayEquals(Arrays.copyOfRange(all, 3 * 144, 7 * 144), some);
  }

  @Test
  void theSeedDecides() {
    double[] a = new RiseMasks(4, 5, 0.5, 12, 12, 3).masks(0, 4);
    assertArrayEquals(a, new RiseMasks(4, 5, 0.5, 12, 12, 3).masks(0, 4));
    assertFalse(Arrays.equals(a, new RiseMasks(4, 5, 0.5, 12, 12, 4).masks(0, 4)));
  }

  @Test
  void masksAreSmoothUpsampledGrids() {
    // A 2x2 grid on 8x8: cell 4, upsampled to 12x12, so one grid step spans 6 pixels and
    // neighbouring pixels differ by at most 1/6 (a hard 0/1 edge would differ by 1).
    double[] m = new RiseMasks(20, 2, 0.5, 8, 8, 9).masks(0, 20);
    for (int j = 0; j < 20; j++) {
      for (int y = 0; y < 8; y++) {
        for (int x = 0; x + 1 < 8; x++) {
          int p = j * 64 + y * 8 + x;
          assertTrue(Math.abs(m[p + 1] - m[p]) <= 1.0 / 6 + 1e-12, "mask " + j);
        }
      }
    }
  }
}
