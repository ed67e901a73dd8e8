package io.gradlight.saliency.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.saliency.SaliencyMap;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelevanceMassTest {
  @Test
  void positiveRelevanceInsideTheMaskOverAllPositiveRelevance() {
    Tensor relevance = Tensor.of(new double[] {2, -1, 1, 3}, 1, 2, 2);
    Tensor mask = Tensor.of(new double[] {1, 1, 0, 1}, 1, 2, 2);
    // inside: 2 + max(-1, 0) + 3 = 5; total positive: 2 + 1 + 3 = 6
    assertEquals(5.0 / 6, RelevanceMass.of(relevance, mask)[0], 1e-12);
    assertEquals(0, RelevanceMass.of(relevance.neg().abs().neg(), mask)[0]);
    assertTrue(Double.isNaN(RelevanceMass.of(relevance, mask.zerosLike())[0]));
  }

  @Test
  void greyMasksCountFromHalfWhite() {
    Tensor relevance = Tensor.of(new double[] {1, 1, 1, 1}, 1, 2, 2);
    Tensor mask = Tensor.of(new double[] {0.5, 0.49, 1, 0}, 1, 2, 2);
    assertEquals(0.5, RelevanceMass.of(relevance, mask)[0], 1e-12);
  }

  @Test
  void inputGradientMapsAreSummedOverChannels() {
    // [1, 3, 1, 2]: pixel 0 sums to 1 - 3 + 1 = -1, pixel 1 to 0.5 + 0.5 + 0 = 1.
    Tensor raw = Tensor.of(new double[] {1, 0.5, -3, 0.5, 1, 0}, 1, 3, 1, 2);
    SaliencyMap map = new SaliencyMap("g", raw, raw.abs().max(new int[] {1}, false),
        new int[] {0}, null, Map.of());
    Tensor r = RelevanceMass.relevance(map, 1, 2);
    assertEquals(Shape.of(1, 1, 2), r.shape());
    assertEquals(-1, r.get(0, 0, 0), 1e-12);
    assertEquals(1, r.get(0, 0, 1), 1e-12);
  }

  @Test
  void layerMapsTakeTheirPositivePartAndAreResized() {
    Tensor raw = Tensor.of(new double[] {2, 2, 2, -7}, 1, 2, 2);
    SaliencyMap map = new SaliencyMap("cam", raw, raw, new int[] {0}, "layer", Map.of());
    Tensor r = RelevanceMass.relevance(map, 4, 4);
    assertEquals(Shape.of(1, 4, 4), r.shape());
    assertEquals(2, r.get(0, 0, 0), 1e-12); // the top-left quarter is all 2
    assertEquals(0, r.get(0, 3, 3), 1e-12); // the negative corner became 0, not -7
    assertTrue(r.minValue() >= 0);
    Tensor wrongChannels = Tensor.zeros(raw.dtype(), 1, 3, 5, 5);
    SaliencyMap bad = new SaliencyMap("g", wrongChannels, raw, new int[] {0}, null, Map.of());
    assertThrows(IllegalArgumentException.class, () -> RelevanceMass.relevance(bad, 4, 4));
  }
}
