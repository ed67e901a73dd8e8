package io.gradlight.saliency.perturbation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.Resize;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ScoreCamTest {
  private static final double EXACT = 1e-12;

  private final Module model = TinyModels.cnn(true, 3);
  private final ExplainRequest request = ExplainRequest.of(model, TinyModels.images(2, 12, 5))
      .withTargets(Targets.of(0, 2)).withLayer("1");

  @Test
  void constantChannelsShareOneForwardOfTheZeroInput() {
    SaliencyMap map = new ScoreCam(ScoreCam.Weighting.PROBABILITY, 4).explain(request);
    // Two constant channels (all 0, all 0.5) per image; 4 masked inputs per image, one zero input.
    assertEquals("4 constant channels", map.notes().get("skipped"));
    assertEquals("9", map.notes().get("forward passes"));
  }

  @Test
  void withoutConstantChannelsNothingIsSkipped() {
    Module live = TinyModels.cnn(false, 3);
    SaliencyMap map = new ScoreCam().explain(
        ExplainRequest.of(live, request.input()).withLayer("1"));
    assertEquals("0 constant channels", map.notes().get("skipped"));
    assertEquals(Integer.toString(2 * TinyModels.CHANNELS), map.notes().get("forward passes"));
  }

  @Test
  void probabilityWeightsAreTheClassProbabilitiesOfTheMaskedInputs() {
    SaliencyMap map = new ScoreCam().explain(request);
    assertTrue(map.raw().slice(0, 1, 2).allClose(expectedRaw(1, 2, false), 0, EXACT));
    assertEquals("1", map.layer());
  }

  @Test
  void channelSoftmaxWeightsAreASoftmaxOverChannelsOfTheClassLogit() {
    SaliencyMap map = new ScoreCam(ScoreCam.Weighting.CHANNEL_SOFTMAX, 3).explain(request);
    assertTrue(map.raw().slice(0, 1, 2).allClose(expectedRaw(1, 2, true), 0, EXACT));
  }

  /** Score-CAM of image i for class c, computed channel by channel from the definition. */
  private Tensor expectedRaw(int i, int c, boolean channelSoftmax) {
    Tensor x = request.input().slice(0, i, i + 1);
    Tensor act = activation(x);
    int k = act.dim(1);
    double[] w = new double[k];
    for (int ch = 0; ch < k; ch++) {
      Tensor up = Resize.bilinear(act.slice(1, ch, ch + 1), x.dim(2), x.dim(3), false);
      double lo = up.minValue();
      double hi = up.maxValue();
      Tensor mask = hi > lo ? up.sub(lo).div(hi - lo) : up.zerosLike();
      Tensor logits = model.forward(Variable.constant(x.mul(mask))).value();
      w[ch] = channelSoftmax ? logits.get(0, c) : logits.softmax(1).get(0, c);
    }
    Tensor weights = Tensor.of(w, 1, k, 1, 1);
    if (channelSoftmax) {
      weights = weights.softmax(1);
    }
    return act.mul(weights).sum(new int[] {1}, false);
  }

  @Test
  void batchEqualsImageByImage() {
    ScoreCam method = new ScoreCam(ScoreCam.Weighting.CHANNEL_SOFTMAX, 5);
    SaliencyMap batch = method.explain(request);
    for (int i = 0; i < 2; i++) {
      SaliencyMap one = TinyModels.single(method, request.withTargets(Targets.of(i * 2)), i);
      assertTrue(batch.raw().slice(0, i, i + 1).allClose(one.raw(), 0, EXACT), "image " + i);
      assertTrue(batch.display().slice(0, i, i + 1).allClose(one.display(), 0, EXACT));
    }
  }

  @Test
  void fasterScoreCamWithEveryChannelIsScoreCam() {
    SaliencyMap all = new FasterScoreCam(TinyModels.CHANNELS, ScoreCam.Weighting.PROBABILITY, 32)
        .explain(request);
    assertTrue(all.raw().allClose(new ScoreCam().explain(request).raw(), 0, EXACT));
    assertEquals(FasterScoreCam.ID, all.method());
  }

  @Test
  void fasterScoreCamKeepsTheMostVariedChannel() {
    ExplainRequest one =
        request.withInput(request.input().slice(0, 0, 1)).withTargets(Targets.of(1));
    SaliencyMap map = new FasterScoreCam(1, ScoreCam.Weighting.CHANNEL_SOFTMAX, 32).explain(one);
    Tensor act = activation(one.input());
    int best = 0;
    double bestVariance = -1;
    for (int k = 0; k < act.dim(1); k++) {
      double v = act.slice(1, k, k + 1).variance(new int[] {0, 1, 2, 3}, false, 0).item();
      if (v > bestVariance) {
        best = k;
        bestVariance = v;
      }
    }
    // One scored channel with a softmax over itself: weight 1, so raw is that channel.
    assertTrue(map.raw().allClose(act.slice(1, best, best + 1).squeeze(1), 0, EXACT));
    assertEquals("1", map.notes().get("forward passes"));
    assertEquals("top 1 of 6 per image by spatial standard deviation", map.notes().get("channels"));
  }

  @Test
  void optionsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new ScoreCam(null, 32));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ScoreCam(ScoreCam.Weighting.PROBABILITY, -1));
    assertTrue(
        e.getMessage().contains("batch size must be at least 1 (or 0 for automatic), got -1"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new FasterScoreCam(0, ScoreCam.Weighting.PROBABILITY, 32));
  }

  private Tensor activation(Tensor x) {
    try (var capture = model.capture("1")) {
      model.forward(Variable.constant(x));
      return capture.output().value();
    }
  }
}
