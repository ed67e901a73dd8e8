package io.gradlight.saliency.cam;

import static io.gradlight.saliency.cam.CamTesting.assertSameValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LayerGradientsTest {
  private static final Module MODEL = CamTesting.shapesnet(Activation.RELU, 7);
  private static final Tensor X = CamTesting.images(3, 11);

  @Test
  void equalsTheCapturedActivationAndItsGradient() {
    ExplainRequest r = ExplainRequest.of(MODEL, X).withLayer("features.14")
        .withTargets(Targets.of(1, 4, 0));
    LayerGradients lg = LayerGradients.of(r);
    Tensor[] expected = CamTesting.layerAndGradient(MODEL, X, "features.14", 1, 4, 0);
    assertArrayEquals(new int[] {1, 4, 0}, lg.classes());
    assertSameValues(expected[0], lg.activation());
    assertSameValues(expected[1], lg.gradient());
  }

  @Test
  void worksOnAFrozenModel() {
    Module frozen = CamTesting.shapesnet(Activation.RELU, 7).requiresGrad(false);
    ExplainRequest r = ExplainRequest.of(frozen, X).withLayer("features.10");
    LayerGradients lg = LayerGradients.of(r);
    assertTrue(lg.gradient().abs().maxValue() > 0);
  }

  @Test
  void refusesALayerWithoutSpatialOutput() {
    ExplainRequest r = ExplainRequest.of(MODEL, X).withLayer("fc");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LayerGradients.of(r));
    assertTrue(e.getMessage().contains("layer 'fc' outputs [3, 5]"), e.getMessage());
    assertTrue(e.getMessage().contains("features.14"), e.getMessage());
  }
}
