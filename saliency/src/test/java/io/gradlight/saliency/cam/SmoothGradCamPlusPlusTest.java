package io.gradlight.saliency.cam;

import static io.gradlight.saliency.cam.CamTesting.assertSameValues;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SmoothGradCamPlusPlusTest {
  private static final Module MODEL = CamTesting.shapesnet(Activation.RELU, 23);
  private static final Tensor X = CamTesting.images(2, 4);
  /** A layer with convolutions after it: behind a GAP + linear head, g ignores the input. */
  private static final ExplainRequest REQUEST =
      ExplainRequest.of(MODEL, X).withLayer("features.10").withTargets(Targets.of(1, 3));

  @Test
  void theSameSeedGivesTheSameMap() {
    SmoothGradCamPlusPlus method = new SmoothGradCamPlusPlus(5, 0.2);
    assertSameValues(method.explain(REQUEST.withSeed(9)).raw(),
        method.explain(REQUEST.withSeed(9)).raw());
  }

  @Test
  void anotherSeedOrNoNoiseGivesAnotherMap() {
    SmoothGradCamPlusPlus method = new SmoothGradCamPlusPlus(5, 0.2);
    Tensor seeded = method.explain(REQUEST.withSeed(9)).raw();
    Tensor reseeded = method.explain(REQUEST.withSeed(10)).raw();
    Tensor clean = new SmoothGradCamPlusPlus(5, 0).explain(REQUEST).raw();
    assertTrue(seeded.sub(reseeded).abs().maxValue() > 1e-3 * seeded.abs().maxValue());
    assertTrue(seeded.sub(clean).abs().maxValue() > 1e-3 * seeded.abs().maxValue());
  }

  @Test
  void samplesRunInSeveralPassesWhenTheyExceedOne() {
    // 2 images: 8 samples per pass, so 11 samples take two passes (8 + 3)
    SmoothGradCamPlusPlus method = new SmoothGradCamPlusPlus(11, 0);
    CamTesting.assertClose(new GradCamPlusPlus().explain(REQUEST).raw(),
        method.explain(REQUEST).raw(), CamTesting.RTOL);
  }

  @Test
  void refusesBadOptions() {
    IllegalArgumentException none =
        assertThrows(IllegalArgumentException.class, () -> new SmoothGradCamPlusPlus(0, 0.1));
    assertTrue(none.getMessage().contains("at least 1 sample, got 0"), none.getMessage());
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> new SmoothGradCamPlusPlus(4, -0.1));
    assertTrue(negative.getMessage().contains("noise level >= 0, got -0.1"),
        negative.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new SmoothGradCamPlusPlus(4, Double.NaN));
  }
}
