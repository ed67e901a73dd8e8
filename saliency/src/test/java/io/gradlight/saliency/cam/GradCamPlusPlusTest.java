package io.gradlight.saliency.cam;

import static io.gradlight.saliency.cam.CamTesting.assertSameValues;

import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GradCamPlusPlusTest {
  // channel 0: A = [1, 3] (sum 4), g = [1, 0]; channel 1: A = [5, 5], g = [0, 0]
  private static final Tensor A = Tensor.of(new double[] {1, 3, 5, 5}, 1, 2, 1, 2);
  private static final Tensor G = Tensor.of(new double[] {1, 0, 0, 0}, 1, 2, 1, 2);

  @Test
  void equation19AsPytorchGradCamComputesIt() {
    // alpha = 1 / (2 + 4 * 1 + 1e-6) where g = 1, 0 where g = 0; w_0 = 1 * alpha, w_1 = 0
    double w = 1 / (2 + 4 + 1e-6);
    assertSameValues(Tensor.of(new double[] {w, 3 * w}, 1, 1, 2), new GradCamPlusPlus().map(A, G));
  }

  @Test
  void officialCodeRenormalisesAlphaPerChannel() {
    // channel 0: alpha / sum alpha = 1, so w_0 = 1; channel 1's alphas sum to 0: divided by 1
    assertSameValues(Tensor.of(new double[] {1, 3}, 1, 1, 2), new GradCamPlusPlus(true).map(A, G));
  }

  @Test
  void negativeGradientsDoNotCount() {
    Tensor g = Tensor.of(new double[] {-1, -2, 0, 0}, 1, 2, 1, 2);
    assertSameValues(Tensor.of(new double[] {0, 0}, 1, 1, 2), new GradCamPlusPlus().map(A, g));
  }
}
