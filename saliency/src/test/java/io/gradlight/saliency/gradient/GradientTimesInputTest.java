package io.gradlight.saliency.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.layers.Linear;
import io.gradlight.nn.layers.Sequential;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GradientTimesInputTest {
  @Test
  void attributionsOfALinearModelSumToTheLogitMinusTheBias() {
    Sequential model = TinyNets.linear(3, 4, 4, 6, 3);
    Tensor x = TinyNets.input(5, 3, 3, 4, 4);
    int[] classes = {0, 5, 2};
    SaliencyMap map = new GradientTimesInput().explain(
        ExplainRequest.of(model, x).withTargets(Targets.of(classes)));
    Tensor logits = model.forward(Variable.constant(x)).value();
    Tensor bias = ((Linear) model.module("1")).bias().value();
    double[] sums = map.raw().sum(new int[] {1, 2, 3}, false).toDoubleArray();
    for (int i = 0; i < classes.length; i++) {
      double expected = logits.get(i, classes[i]) - bias.get(classes[i]);
      assertEquals(expected, sums[i], 1e-12 * Math.max(1, Math.abs(expected)));
    }
  }

  @Test
  void isTheInputTimesTheVanillaGradient() {
    var model = TinyNets.relu(4, 9);
    Tensor x = TinyNets.input(6, 2, 3, 6, 6);
    ExplainRequest r = ExplainRequest.of(model, x);
    Tensor gradient = new VanillaGradient().explain(r).raw();
    TinyNets.assertClose(x.mul(gradient), new GradientTimesInput().explain(r).raw(), 0);
  }
}
