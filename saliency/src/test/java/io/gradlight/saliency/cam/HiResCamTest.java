package io.gradlight.saliency.cam;

import static io.gradlight.saliency.cam.CamTesting.assertSameValues;

import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class HiResCamTest {

  @Test
  void multipliesGradientAndActivationElementwise() {
    // [1 * 2 + 2 * 1, 3 * 1 + (-1) * 2] = [4, 1]
    Tensor a = Tensor.of(new double[] {1, 3, 2, -1}, 1, 2, 1, 2);
    Tensor g = Tensor.of(new double[] {2, 1, 1, 2}, 1, 2, 1, 2);
    assertSameValues(Tensor.of(new double[] {4, 1}, 1, 1, 2), new HiResCam().map(a, g));
  }
}
