package io.gradlight.saliency.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IntegratedGradientsTest {
  private static final Module NET = TinyNets.relu(3, 21);
  private static final Tensor X = TinyNets.input(8, 1, 3, 6, 6);

  @Test
  void completenessGapShrinksAsTheStepsGrow() {
    ExplainRequest r = ExplainRequest.of(NET, X).withTargets(Targets.of(1));
    Tensor logits = NET.forward(Variable.constant(X)).value();
    Tensor atZero = NET.forward(Variable.constant(X.zerosLike())).value();
    double difference = logits.get(0, 1) - atZero.get(0, 1);
    double[] gaps = new double[3];
    int[] steps = {2, 16, 256};
    for (int i = 0; i < steps.length; i++) {
      SaliencyMap map = new IntegratedGradients(steps[i], null, 64).explain(r);
      gaps[i] = Math.abs(map.raw().sum().item() - difference);
      assertEquals(gaps[i], Double.parseDouble(map.notes().get("completeness gap")),
          5e-3 * gaps[i] + 1e-12, "the note reports the gap to 3 digits");
    }
    assertTrue(gaps[2] < gaps[1] && gaps[1] < gaps[0], "gaps " + Arrays.toString(gaps));
    assertTrue(gaps[2] < 1e-2 * Math.abs(difference), "gap " + gaps[2] + " of " + difference);
  }

  @Test
  void onALinearModelEqualsGradientTimesInputForAnyStepCount() {
    var model = TinyNets.linear(3, 2, 2, 4, 5);
    Tensor x = TinyNets.input(4, 2, 3, 2, 2);
    ExplainRequest r = ExplainRequest.of(model, x);
    Tensor expected = new GradientTimesInput().explain(r).raw();
    TinyNets.assertClose(expected, new IntegratedGradients(3, null, 16).explain(r).raw(),
        TinyNets.ROUNDING);
  }

  @Test
  void isTheRightRiemannSumOfGradientsAlongTheStraightPath() {
    Tensor baseline = TinyNets.input(9, 1, 3, 6, 6).mul(0.1);
    ExplainRequest r = ExplainRequest.of(NET, X).withTargets(Targets.of(2));
    Tensor sum = X.zerosLike();
    int m = 4;
    for (int k = 1; k <= m; k++) {
      Tensor point = baseline.add(X.sub(baseline).mul((double) k / m));
      sum = sum.add(new VanillaGradient().explain(r.withInput(point)).raw());
    }
    Tensor expected = X.sub(baseline).mul(sum).div(m);
    TinyNets.assertClose(expected, new IntegratedGradients(m, baseline, 16).explain(r).raw(),
        TinyNets.ROUNDING);
  }

  @Test
  void stackingStepsIntoPassesDoesNotChangeTheResult() {
    Tensor batch = TinyNets.input(10, 2, 3, 6, 6);
    ExplainRequest r = ExplainRequest.of(NET, batch);
    Tensor onePerPass = new IntegratedGradients(5, null, 1).explain(r).raw();
    Tensor stacked = new IntegratedGradients(5, null, 64).explain(r).raw();
    TinyNets.assertClose(onePerPass, stacked, TinyNets.ROUNDING);
  }

  @Test
  void theBaselineItselfHasZeroAttributionsAndBadOptionsAreRejected() {
    ExplainRequest r = ExplainRequest.of(NET, X);
    assertEquals(0, new IntegratedGradients(3, X.squeeze(0), 16).explain(r).raw().abs().maxValue());
    assertThrows(IllegalArgumentException.class, () -> new IntegratedGradients(0, null, 16));
    Tensor wrong = TinyNets.input(1, 1, 3, 5, 5);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new IntegratedGradients(3, wrong, 16).explain(r));
    assertTrue(e.getMessage().contains("baseline"), e.getMessage());
  }
}
