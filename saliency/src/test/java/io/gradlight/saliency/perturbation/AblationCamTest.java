package io.gradlight.saliency.perturbation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.nn.layers.AdaptiveAvgPool2d;
import io.gradlight.nn.layers.Conv2d;
import io.gradlight.nn.layers.Flatten;
import io.gradlight.nn.layers.Linear;
import io.gradlight.nn.layers.ReLU;
import io.gradlight.nn.layers.Sequential;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Ablation-CAM on heads that are linear in the layer's activations after global average pooling,
 * where removing channel k lowers the logit of class c by exactly {@code W[c, k] (mean_ij A_k -
 * v)} for the fill v, so the expected weights are known in closed form.
 */
class AblationCamTest {
  private static final double EXACT = 1e-12;

  @Test
  void weightsAreTheRelativeScoreDrops() {
    Module model = TinyModels.cnn(true, 4);
    ExplainRequest request = ExplainRequest.of(model, TinyModels.images(2, 10, 6))
        .withTargets(Targets.of(2, 1)).withLayer("1");
    SaliencyMap map = new AblationCam(AblationCam.Fill.ZERO, 4).explain(request);
    for (int i = 0; i < 2; i++) {
      int c = i == 0 ? 2 : 1;
      Tensor x = request.input().slice(0, i, i + 1);
      Tensor expected = closedForm(model, "1", (Linear) model.module("4"), x, c, 0.0);
      assertTrue(map.raw().slice(0, i, i + 1).allClose(expected, 0, EXACT), "image " + i);
    }
    // Channel 4 is 0 everywhere in both images, so its ablation is skipped; channel 5 (0.5) runs.
    assertEquals("2 channels already equal to the fill", map.notes().get("skipped"));
    assertEquals(Integer.toString(2 * (TinyModels.CHANNELS - 1)),
        map.notes().get("forward passes"));
  }

  @Test
  void belowMinFillIsTheMinimumMinusTenMillion() {
    Module model = TinyModels.linearHead(8);
    ExplainRequest request = ExplainRequest.of(model, TinyModels.images(1, 9, 2).sub(0.5))
        .withTargets(Targets.of(0)).withLayer("0");
    Tensor a = activation(model, "0", request.input());
    assertTrue(a.minValue() < 0, "the convolution's output has both signs");
    double fill = a.minValue() - AblationCam.BELOW_MIN_OFFSET;
    SaliencyMap map = new AblationCam(AblationCam.Fill.BELOW_MIN, 32).explain(request);
    Tensor expected = closedForm(model, "0", (Linear) model.module("3"), request.input(), 0, fill);
    // The weights are about 1e7 times larger than with zeros; compare relative to the map's size.
    double scale = expected.abs().maxValue();
    assertTrue(map.raw().allClose(expected, 0, 1e-9 * scale));
  }

  @Test
  void aLayerThatRunsTwiceIsAblatedAtItsLastRun() {
    // One ReLU module applied after each of two convolutions, as in torchvision's BasicBlock.
    SplittableRandom rng = new SplittableRandom(12);
    int k = TinyModels.CHANNELS;
    ReLU relu = new ReLU();
    Linear head = new Linear(k, TinyModels.CLASSES, true, rng);
    Module model = new Sequential(new Conv2d(3, k, 3, 1, 1, true, rng), relu,
        new Conv2d(k, k, 3, 1, 1, true, rng), relu, new AdaptiveAvgPool2d(1), new Flatten(), head)
        .to(DType.F64).eval().requiresGrad(false);
    ExplainRequest request = ExplainRequest.of(model, TinyModels.images(1, 8, 3))
        .withTargets(Targets.of(1)).withLayer("3");
    Tensor expected = closedForm(model, "3", head, request.input(), 1, 0.0);
    assertTrue(new AblationCam().explain(request).raw().allClose(expected, 0, EXACT));
  }

  @Test
  void batchEqualsImageByImage() {
    Module model = TinyModels.cnn(false, 5);
    ExplainRequest request = ExplainRequest.of(model, TinyModels.images(3, 8, 1))
        .withTargets(Targets.of(0, 1, 2)).withLayer("1");
    AblationCam method = new AblationCam(AblationCam.Fill.ZERO, 7);
    SaliencyMap batch = method.explain(request);
    for (int i = 0; i < 3; i++) {
      SaliencyMap one = TinyModels.single(method, request.withTargets(Targets.of(i)), i);
      assertTrue(batch.raw().slice(0, i, i + 1).allClose(one.raw(), 0, EXACT), "image " + i);
    }
  }

  @Test
  void optionsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new AblationCam(null, 32));
    assertThrows(IllegalArgumentException.class, () -> new AblationCam(AblationCam.Fill.ZERO, -1));
  }

  /**
   * {@code sum_k w_k A_k} with {@code w_k = W[c, k] (mean A_k - fill) / S} for a head
   * {@code GAP -> linear} after {@code layer} (a ReLU between them must be the identity there).
   */
  private static Tensor closedForm(Module model, String layer, Linear head, Tensor x, int c,
      double fill) {
    Tensor a = activation(model, layer, x);
    double s = model.forward(Variable.constant(x)).value().get(0, c);
    int k = a.dim(1);
    double[] w = new double[k];
    for (int ch = 0; ch < k; ch++) {
      double mean = a.slice(1, ch, ch + 1).mean().item();
      w[ch] = head.weight().value().get(c, ch) * (mean - fill) / s;
    }
    return a.mul(Tensor.of(w, 1, k, 1, 1)).sum(new int[] {1}, false);
  }

  private static Tensor activation(Module model, String layer, Tensor x) {
    try (var capture = model.capture(layer)) {
      model.forward(Variable.constant(x));
      return capture.output().value();
    }
  }
}
