package io.gradlight.saliency.cam;

import static io.gradlight.saliency.cam.CamTesting.assertSameValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.layers.AdaptiveAvgPool2d;
import io.gradlight.nn.layers.Conv2d;
import io.gradlight.nn.layers.Flatten;
import io.gradlight.nn.layers.Linear;
import io.gradlight.nn.layers.ReLU;
import io.gradlight.nn.layers.Sequential;
import io.gradlight.nn.layers.Tanh;
import io.gradlight.nn.zoo.ShapesNet;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.Score;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CamTest {
  private static final ShapesNet MODEL = (ShapesNet) CamTesting.shapesnet(Activation.RELU, 3);
  private static final Tensor X = CamTesting.images(2, 5);

  @Test
  void weighsTheLastActivationsByTheClassRowOfFc() {
    SaliencyMap map = new Cam().explain(
        ExplainRequest.of(MODEL, X).withLayer("features.14").withTargets(Targets.of(2, 4)));
    Tensor a = CamTesting.layerAndGradient(MODEL, X, "features.14", 2, 4)[0];
    Tensor w = MODEL.fc().weight().value();
    int channels = a.dim(1);
    int h = a.dim(2);
    int wd = a.dim(3);
    int[] classes = {2, 4};
    double[] expected = new double[2 * h * wd];
    for (int n = 0; n < 2; n++) {
      for (int k = 0; k < channels; k++) {
        for (int i = 0; i < h; i++) {
          for (int j = 0; j < wd; j++) {
            expected[(n * h + i) * wd + j] += w.get(classes[n], k) * a.get(n, k, i, j);
          }
        }
      }
    }
    CamTesting.assertClose(Tensor.of(expected, 2, h, wd), map.raw(), CamTesting.RTOL);
    assertEquals("features.14", map.layer());
    assertTrue(map.notes().isEmpty());
  }

  @Test
  void aNonLogitScoreIsNotedNotUsed() {
    ExplainRequest r = ExplainRequest.of(MODEL, X).withLayer("features.14");
    SaliencyMap logit = new Cam().explain(r);
    SaliencyMap prob = new Cam().explain(r.withScore(Score.PROBABILITY));
    assertSameValues(logit.raw(), prob.raw());
    assertTrue(prob.notes().get("score").contains("prob"), prob.notes().toString());
  }

  @Test
  void refusesALayerWithTheWrongChannelCount() {
    assertRefused(MODEL, "features.10", "takes [2, 128], not the 64 channel means");
  }

  @Test
  void refusesALayerBeforeTheLastActivation() {
    assertRefused(MODEL, "features.13", "input of 'fc' is not the spatial mean");
  }

  @Test
  void refusesAModelWithoutALinearLayer() {
    SplittableRandom rng = new SplittableRandom(4);
    Module noLinear = new Sequential(new Conv2d(3, 4, 3, 1, 1, true, rng), new ReLU(),
        new AdaptiveAvgPool2d(1), new Flatten()).to(DType.F64).eval();
    assertRefused(noLinear, "1", "the model has no Linear layer");
  }

  @Test
  void refusesAModelWhoseLinearLayerIsNotLast() {
    SplittableRandom rng = new SplittableRandom(4);
    Module squashed = new Sequential(new Conv2d(3, 4, 3, 1, 1, true, rng), new ReLU(),
        new AdaptiveAvgPool2d(1), new Flatten(), new Linear(4, 3, true, rng), new Tanh())
        .to(DType.F64).eval();
    assertRefused(squashed, "1", "the last Linear layer '4' does not produce the model's output");
  }

  private static void assertRefused(Module model, String layer, String reason) {
    ExplainRequest r = ExplainRequest.of(model, X).withLayer(layer);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Cam().explain(r));
    assertTrue(e.getMessage().startsWith("cam needs a global average pool and one Linear layer"
        + " right after layer '" + layer + "'"), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(e.getMessage().endsWith("use gradcam, which needs no such head"), e.getMessage());
  }
}
