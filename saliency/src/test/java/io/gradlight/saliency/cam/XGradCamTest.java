package io.gradlight.saliency.cam;

import static io.gradlight.saliency.cam.CamTesting.assertSameValues;

import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class XGradCamTest {

  @Test
  void normalisesTheWeightByTheChannelsActivationMass() {
    // sum g A = 2 * 1 + 1 * 3 = 5, sum A = 4: w = 5 / (4 + 1e-7)
    Tensor a = Tensor.of(new double[] {1, 3}, 1, 1, 1, 2);
    Tensor g = Tensor.of(new double[] {2, 1}, 1, 1, 1, 2);
    double w = 5 / (4 + 1e-7);
    assertSameValues(Tensor.of(new double[] {w, 3 * w}, 1, 1, 2), new XGradCam().map(a, g));
  }
}
