package io.gradlight.saliency.cam;

import static io.gradlight.saliency.cam.CamTesting.assertSameValues;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlight.nn.layers.Activation;
import io.gradlight.saliency.Display;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GuidedGradCamTest {
  private static final Tensor GUIDED =
      Tensor.of(new double[] {1, -2, 3, 4, 5, 6, -7, 8}, 1, 2, 2, 2);

  @Test
  void aPositiveCamScalesEveryChannel() {
    // a 1 x 1 map upsamples to a constant
    Tensor cam = Tensor.of(new double[] {2}, 1, 1, 1);
    assertSameValues(GUIDED.mul(2), GuidedGradCam.combine(GUIDED, cam));
  }

  @Test
  void aNegativeCamGivesZero() {
    Tensor cam = Tensor.of(new double[] {-2}, 1, 1, 1);
    Tensor raw = GuidedGradCam.combine(GUIDED, cam);
    assertEquals(GUIDED.shape(), raw.shape());
    assertEquals(0, raw.abs().maxValue());
  }

  @Test
  void rawIsAtInputResolutionAndDisplayedAsAnInputGradient() {
    ExplainRequest r = ExplainRequest.of(CamTesting.shapesnet(Activation.RELU, 23),
        CamTesting.images(2, 1)).withLayer("features.14");
    SaliencyMap map = new GuidedGradCam().explain(r);
    assertEquals(Shape.of(2, 3, CamTesting.SIZE, CamTesting.SIZE), map.raw().shape());
    assertSameValues(Display.ofInputGradient(map.raw()), map.display());
  }
}
