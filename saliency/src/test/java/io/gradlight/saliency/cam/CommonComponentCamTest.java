package io.gradlight.saliency.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CommonComponentCamTest {
  private static final Module MODEL = CamTesting.shapesnet(Activation.RELU, 23);
  private static final Tensor X = CamTesting.images(3, 2);

  @Test
  void isTheCommonClassWeightedSumOfCamMapsUpToTheGapScale() {
    ExplainRequest r = ExplainRequest.of(MODEL, X).withLayer("features.14");
    SaliencyMap ccam = new CommonComponentCam(3).explain(r);

    double[] logits = MODEL.forward(Variable.constant(X)).value().toDoubleArray();
    double[] common = new double[CamTesting.CLASSES];
    for (int n = 0; n < 3; n++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < CamTesting.CLASSES; c++) {
        max = Math.max(max, logits[n * CamTesting.CLASSES + c]);
      }
      double total = 0;
      for (int c = 0; c < CamTesting.CLASSES; c++) {
        total += Math.exp(logits[n * CamTesting.CLASSES + c] - max);
      }
      for (int c = 0; c < CamTesting.CLASSES; c++) {
        common[c] += Math.exp(logits[n * CamTesting.CLASSES + c] - max) / total / 3;
      }
    }
    int[] top = CommonComponentCam.topClasses(common, 3);
    Tensor expected = null;
    for (int c : top) {
      int[] all = new int[3];
      Arrays.fill(all, c);
      Tensor cam = new Cam().explain(r.withTargets(Targets.of(all))).raw().mul(common[c]);
      expected = expected == null ? cam : expected.add(cam);
    }
    int positions = ccam.raw().dim(1) * ccam.raw().dim(2);
    CamTesting.assertClose(expected.div(positions), ccam.raw(), CamTesting.RTOL);
    assertArrayEquals(new int[] {top[0], top[0], top[0]}, ccam.classes());
    assertEquals(3, ccam.notes().get("common classes").split(",").length);
  }

  @Test
  void topClassesBreakTiesByIndexAndStopAtTheClassCount() {
    assertArrayEquals(new int[] {1, 3, 0}, CommonComponentCam.topClasses(new double[] {
        0.1, 0.4, 0.1, 0.4}, 3));
    assertArrayEquals(new int[] {1, 0}, CommonComponentCam.topClasses(new double[] {0.2, 0.8}, 5));
  }

  @Test
  void needsAtLeastOneClass() {
    assertThrows(IllegalArgumentException.class, () -> new CommonComponentCam(0));
  }
}
