package io.gradlight.saliency.perturbation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Occlusion on models that look only at one square of the image (see TinyModels#region). */
class OcclusionTest {
  @Test
  void highlightsOnlyTheRegionTheModelLooksAt() {
    Module model = TinyModels.region(0, 0, 8);
    ExplainRequest request = ExplainRequest.of(model, TinyModels.images(1, 32, 1))
        .withTargets(Targets.of(0));
    SaliencyMap map = new Occlusion(8, 4, 0.0, 32).explain(request);
    Tensor raw = map.raw();
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        double v = raw.get(0, y, x);
        if (y < 8 && x < 8) {
          assertTrue(v > 0, "inside the region at " + y + "," + x);
        } else if (y >= 16 || x >= 16) {
          // No 8-pixel window over this pixel reaches the region: no score drop at all.
          assertEquals(0.0, v, "far from the region at " + y + "," + x);
        }
      }
    }
    // Pixel (0, 0) is covered by the window at (0, 0) alone, which occludes the whole region.
    double s = model.forward(Variable.constant(request.input())).value().get(0, 0);
    assertEquals(s, raw.get(0, 0, 0), 1e-12);
    assertEquals(1.0, map.display().get(0, 0, 0), 1e-6);
  }

  @Test
  void theLastWindowReachesTheBorderWhenTheStrideStepsOverIt() {
    // 30 pixels, window 8, stride 4: corners 0, 4, ..., 20, then 22 so that pixels 28 and 29
    // are covered: 7 corners per axis.
    ExplainRequest request = ExplainRequest.of(TinyModels.region(26, 26, 4),
        TinyModels.images(1, 30, 2)).withTargets(Targets.of(0));
    SaliencyMap map = new Occlusion(8, 4, 0.0, 16).explain(request);
    assertTrue(map.raw().get(0, 29, 29) > 0);
    assertEquals("49 windows of 8x8, stride 4, baseline 0.0", map.notes().get("windows"));
  }

  @Test
  void theDefaultWindowIsAnEighthOfTheShorterSide() {
    Occlusion method = new Occlusion();
    ExplainRequest square = ExplainRequest.of(TinyModels.region(0, 0, 4),
        TinyModels.images(1, 64, 3)).withTargets(Targets.of(0));
    assertEquals("225 windows of 8x8, stride 4, baseline 0.0",
        method.explain(square).notes().get("windows"));
    // 40 x 48: side 5, stride 2; 18 corners to 34 plus 35 down, 22 corners to 42 plus 43 across.
    ExplainRequest wide = square.withInput(Tensor.zeros(square.input().dtype(), 1, 3, 40, 48));
    assertEquals("437 windows of 5x5, stride 2, baseline 0.0",
        method.explain(wide).notes().get("windows"));
  }

  @Test
  void batchEqualsImageByImage() {
    ExplainRequest request = ExplainRequest.of(TinyModels.cnn(false, 1),
        TinyModels.images(2, 12, 4)).withTargets(Targets.of(1, 2));
    Occlusion method = new Occlusion(4, 2, 0.0, 10);
    SaliencyMap batch = method.explain(request);
    for (int i = 0; i < 2; i++) {
      SaliencyMap one = TinyModels.single(method, request.withTargets(Targets.of(i + 1)), i);
      assertTrue(batch.raw().slice(0, i, i + 1).allClose(one.raw(), 0, 1e-12), "image " + i);
    }
  }

  @Test
  void optionsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new Occlusion(4, 5, 0.0, 32));
    assertThrows(IllegalArgumentException.class, () -> new Occlusion(0, 1, 0.0, 32));
    assertThrows(IllegalArgumentException.class, () -> new Occlusion(4, 2, Double.NaN, 32));
    ExplainRequest small = ExplainRequest.of(TinyModels.cnn(false, 1), TinyModels.images(1, 6, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Occlusion(8, 4, 0.0, 32).explain(small));
    assertTrue(e.getMessage().contains("window 8 exceeds the input 6x6"), e.getMessage());
  }
}
