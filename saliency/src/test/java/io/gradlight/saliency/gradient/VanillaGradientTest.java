package io.gradlight.saliency.gradient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.layers.Linear;
import io.gradlight.nn.layers.Sequential;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.Score;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class VanillaGradientTest {
  @Test
  void gradientOfALinearModelIsTheWeightRowOfEachImagesClass() {
    Sequential model = TinyNets.linear(2, 3, 4, 5, 7);
    Tensor w = ((Linear) model.module("1")).weight().value();
    Tensor x = TinyNets.input(1, 2, 2, 3, 4);
    SaliencyMap map = new VanillaGradient().explain(
        ExplainRequest.of(model, x).withTargets(Targets.of(4, 1)));
    assertEquals(x.shape(), map.raw().shape());
    assertArrayEquals(new int[] {4, 1}, map.classes());
    assertNull(map.layer());
    TinyNets.assertClose(w.slice(0, 4, 5).reshape(1, 2, 3, 4), map.raw().slice(0, 0, 1), 0);
    TinyNets.assertClose(w.slice(0, 1, 2).reshape(1, 2, 3, 4), map.raw().slice(0, 1, 2), 0);
  }

  @Test
  void displayIsTheMaxOverChannelsOfTheAbsoluteGradientScaledToTheUnitRange() {
    Sequential model = TinyNets.linear(2, 3, 4, 5, 7);
    Tensor x = TinyNets.input(1, 1, 2, 3, 4);
    SaliencyMap map = new VanillaGradient().explain(ExplainRequest.of(model, x));
    Tensor expected = map.raw().abs().max(new int[] {1}, false);
    double lo = expected.minValue();
    double hi = expected.maxValue();
    TinyNets.assertClose(expected.sub(lo).div(hi - lo + 1e-7), map.display(), TinyNets.ROUNDING);
  }

  @Test
  void top1ExplainsTheHighestLogitAndProbabilityScoreScalesTheGradient() {
    Sequential model = TinyNets.linear(1, 2, 2, 3, 11);
    Tensor x = TinyNets.input(2, 1, 1, 2, 2);
    Tensor logits = model.forward(Variable.constant(x)).value();
    int top = logits.argmax(1)[0];
    SaliencyMap logit = new VanillaGradient().explain(ExplainRequest.of(model, x));
    assertEquals(top, logit.classes()[0]);
    SaliencyMap prob = new VanillaGradient().explain(
        ExplainRequest.of(model, x).withScore(Score.PROBABILITY));
    // d p_c / dx = p_c (w_c - sum_k p_k w_k): not a multiple of w_c, so the maps differ.
    Tensor p = logits.softmax(1);
    Tensor w = ((Linear) model.module("1")).weight().value();
    Tensor mixed = p.matmul(w);
    Tensor expected = w.slice(0, top, top + 1).sub(mixed).mul(p.get(0, top)).reshape(1, 1, 2, 2);
    TinyNets.assertClose(expected, prob.raw(), TinyNets.ROUNDING);
  }
}
