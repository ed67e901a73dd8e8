package io.gradlight.saliency.cam;

import static io.gradlight.saliency.cam.CamTesting.assertSameValues;

import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GradCamTest {

  @Test
  void weighsEachChannelByItsMeanGradient() {
    // channel 0: A = [1, 3], mean g = (0.5 + 1.5) / 2 = 1; channel 1: A = [2, -1], mean g = 1
    Tensor a = Tensor.of(new double[] {1, 3, 2, -1}, 1, 2, 1, 2);
    Tensor g = Tensor.of(new double[] {0.5, 1.5, -1, 3}, 1, 2, 1, 2);
    assertSameValues(Tensor.of(new double[] {3, 2}, 1, 1, 2), new GradCam().map(a, g));
  }

  @Test
  void imagesOfABatchKeepTheirOwnWeights() {
    Tensor a = Tensor.of(new double[] {1, 3, 1, 3}, 2, 1, 1, 2);
    Tensor g = Tensor.of(new double[] {1, 1, -2, 0}, 2, 1, 1, 2);
    assertSameValues(Tensor.of(new double[] {1, 3, -1, -3}, 2, 1, 2), new GradCam().map(a, g));
  }
}
