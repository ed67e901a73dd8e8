package io.gradlight.saliency.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.HigherOrder;
import io.gradlight.autograd.HigherOrder.Diagonals;
import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.ShapesNet;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.LayerForward;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GradCamPlusPlusExactTest {

  @Test
  void equation10FromPerPositionDerivativesOnANonSeparableHead() {
    Module model = ExactDiagonalsTest.smoothMixingModel(2);
    Tensor x = ExactDiagonalsTest.image(5);
    ExplainRequest r = ExplainRequest.of(model, x).withLayer("0").withTargets(Targets.of(2));
    SaliencyMap map = new GradCamPlusPlusExact().explain(r);
    assertTrue(map.notes().get("derivatives").startsWith("non-separable"), map.notes().toString());

    LayerForward f = LayerForward.run(r, x, "0", true);
    Diagonals d = HigherOrder.diagonalDerivatives(f.scores(), f.activation(), 3);
    Tensor a = f.activation().value();
    int channels = a.dim(1);
    int h = a.dim(2);
    int w = a.dim(3);
    double[] expected = new double[h * w];
    for (int k = 0; k < channels; k++) {
      double sumA = 0;
      for (int i = 0; i < h; i++) {
        for (int j = 0; j < w; j++) {
          sumA += a.get(0, k, i, j);
        }
      }
      double weight = 0;
      for (int i = 0; i < h; i++) {
        for (int j = 0; j < w; j++) {
          double g = d.first().get(0, k, i, j);
          double s2 = d.second().get(0, k, i, j);
          double s3 = d.third().get(0, k, i, j);
          double y2 = g * g + s2; // e^-S d2Y/dA2
          double y3 = g * g * g + 3 * g * s2 + s3; // e^-S d3Y/dA3
          double alpha = y2 == 0 ? 0 : y2 / (2 * y2 + sumA * y3 + GradCamPlusPlus.EPS);
          weight += Math.max(g, 0) * alpha;
        }
      }
      for (int i = 0; i < h; i++) {
        for (int j = 0; j < w; j++) {
          expected[i * w + j] += weight * a.get(0, k, i, j);
        }
      }
    }
    CamTesting.assertClose(Tensor.of(expected, 1, h, w), map.raw(), CamTesting.RTOL);
  }

  @Test
  void logitsBeyondTheRangeOfExpStayFinite() {
    ShapesNet model = (ShapesNet) CamTesting.shapesnet(Activation.RELU, 4);
    Tensor bias = model.fc().bias().value();
    model.fc().bias().set(bias.add(1000)); // e^1000 overflows double
    ExplainRequest r = ExplainRequest.of(model, CamTesting.images(2, 6)).withLayer("features.14");
    SaliencyMap exact = new GradCamPlusPlusExact().explain(r);
    SaliencyMap closedForm = new GradCamPlusPlus().explain(r);
    assertEquals("separable head: one backward per order", exact.notes().get("derivatives"));
    CamTesting.assertClose(closedForm.raw(), exact.raw(), CamTesting.RTOL);
  }
}
