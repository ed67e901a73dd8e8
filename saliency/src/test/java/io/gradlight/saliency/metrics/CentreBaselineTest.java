package io.gradlight.saliency.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlight.saliency.SaliencyMap;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class CentreBaselineTest {
  @Test
  void coneFromOneAtTheCentreToZeroAtTheCorners() {
    Tensor m = CentreBaseline.maps(2, 5, 5);
    assertEquals(1, m.get(1, 2, 2), 1e-7);
    assertEquals(0, m.get(0, 0, 0), 1e-7);
    assertEquals(0, m.get(0, 4, 4), 1e-7);
    // one pixel from the centre of a 5 x 5 image, whose corner is sqrt(8) away
    assertEquals(1 - 1 / Math.sqrt(8), m.get(0, 2, 3), 1e-7);
    assertEquals(m.get(0, 1, 2), m.get(0, 2, 1), 0);
  }

  @Test
  void evenSizesPointAtTheFirstOfTheFourMiddlePixels() {
    Tensor m = CentreBaseline.maps(1, 64, 64);
    assertEquals(31 * 64 + 31, PointingGame.maximumPoint(m, 0));
    assertEquals(31 * 64 + 31, CausalMetric.ranking(m, 0)[0]);
  }

  @Test
  void isItsOwnRawAndDisplayMap() {
    SaliencyMap map = CentreBaseline.of(new int[] {3, 1}, 8, 6);
    assertSame(map.raw(), map.display());
    assertEquals(CentreBaseline.NAME, map.method());
    assertEquals(2, map.display().dim(0));
    assertThrows(IllegalArgumentException.class, () -> CentreBaseline.maps(0, 4, 4));
  }
}
