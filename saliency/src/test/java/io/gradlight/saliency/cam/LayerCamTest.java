package io.gradlight.saliency.cam;

import static io.gradlight.saliency.cam.CamTesting.assertSameValues;

import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LayerCamTest {

  @Test
  void weighsEachLocationByItsPositiveGradient() {
    // channel 0: relu([2, -1]) * [1, 3] = [2, 0]; channel 1: relu([-1, 3]) * [2, -1] = [0, -3]
    Tensor a = Tensor.of(new double[] {1, 3, 2, -1}, 1, 2, 1, 2);
    Tensor g = Tensor.of(new double[] {2, -1, -1, 3}, 1, 2, 1, 2);
    assertSameValues(Tensor.of(new double[] {2, -3}, 1, 1, 2), new LayerCam().map(a, g));
  }
}
