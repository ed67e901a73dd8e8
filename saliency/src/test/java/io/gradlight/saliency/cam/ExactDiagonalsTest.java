package io.gradlight.saliency.cam;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Autograd;
import io.gradlight.autograd.HigherOrder;
import io.gradlight.autograd.HigherOrder.Diagonals;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.layers.AdaptiveAvgPool2d;
import io.gradlight.nn.layers.Conv2d;
import io.gradlight.nn.layers.Flatten;
import io.gradlight.nn.layers.Linear;
import io.gradlight.nn.layers.Sequential;
import io.gradlight.nn.layers.Softplus;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.LayerForward;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactDiagonalsTest {
  /** Finite-difference step for the derivatives of the gradient. */
  private static final double STEP = 1e-3;
  /** Relative tolerance of the finite-difference derivatives. */
  private static final double FD_RTOL = 1e-5;

  /** Conv, softplus, conv, softplus, GAP, linear: at layer "0" the head mixes positions. */
  static Module smoothMixingModel(int channels) {
    SplittableRandom rng = new SplittableRandom(17);
    return new Sequential(new Conv2d(3, channels, 3, 1, 1, true, rng), new Softplus(),
        new Conv2d(channels, 2, 3, 1, 1, true, rng), new Softplus(), new AdaptiveAvgPool2d(1),
        new Flatten(), new Linear(2, 3, true, rng)).to(DType.F64).eval();
  }

  static Tensor image(int size) {
    return Tensor.uniform(DType.F64, Shape.of(1, 3, size, size), -1, 1, new SplittableRandom(3));
  }

  @Test
  void piecewiseLinearAndElementwiseHeadsAreSeparable() {
    assertTrue(probe(CamTesting.shapesnet(Activation.RELU, 2), "features.14"));
    assertTrue(probe(CamTesting.shapesnet(Activation.RELU, 2), "features.10"));
    assertTrue(probe(CamTesting.shapesnet(Activation.SOFTPLUS, 2), "features.13"));
  }

  @Test
  void aSmoothHeadThatMixesPositionsIsNot() {
    assertFalse(probe(smoothMixingModel(2), "0"));
  }

  @Test
  void nonSeparableDiagonalsMatchFiniteDifferencesOfTheGradient() {
    Module model = smoothMixingModel(2);
    Tensor x = image(5);
    ExplainRequest r = ExplainRequest.of(model, x).withLayer("0").withTargets(Targets.of(1));
    LayerForward f = LayerForward.run(r, x, "0", true);
    ExactDiagonals.Result exact = ExactDiagonals.of(f.scores(), f.activation(), "0");
    assertFalse(exact.separable());
    Tensor a = f.activation().value();
    double[] second = exact.diagonals().second().toDoubleArray();
    double[] third = exact.diagonals().third().toDoubleArray();
    double[] center = gradientAt(model, x, a).toDoubleArray();
    double scale2 = exact.diagonals().second().abs().maxValue();
    double scale3 = exact.diagonals().third().abs().maxValue();
    for (int p = 0; p < a.size(); p += 7) {
      double[] up = gradientAt(model, x, bump(a, p, STEP)).toDoubleArray();
      double[] down = gradientAt(model, x, bump(a, p, -STEP)).toDoubleArray();
      double fd2 = (up[p] - down[p]) / (2 * STEP);
      double fd3 = (up[p] - 2 * center[p] + down[p]) / (STEP * STEP);
      assertTrue(Math.abs(fd2 - second[p]) <= FD_RTOL * scale2, "second at " + p);
      assertTrue(Math.abs(fd3 - third[p]) <= FD_RTOL * scale3, "third at " + p);
    }
    Diagonals rowSums = HigherOrder.separableDiagonals(f.scores(), f.activation(), 3);
    assertTrue(rowSums.second().sub(exact.diagonals().second()).abs().maxValue() > 1e-3 * scale2);
  }

  @Test
  void tooManyPositionsForPerPositionProductsAreRefused() {
    Module model = smoothMixingModel(8);
    Tensor x = image(24);
    ExplainRequest r = ExplainRequest.of(model, x).withLayer("0");
    LayerForward f = LayerForward.run(r, x, "0", true);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExactDiagonals.of(f.scores(), f.activation(), "0"));
    assertTrue(e.getMessage().contains("4608 per image exceeds the limit 4096"), e.getMessage());
  }

  private static boolean probe(Module model, String layer) {
    Tensor x = CamTesting.images(2, 9);
    ExplainRequest r = ExplainRequest.of(model, x).withLayer(layer);
    LayerForward f = LayerForward.run(r, x, layer, true);
    Diagonals rowSums = HigherOrder.separableDiagonals(f.scores(), f.activation(), 3);
    return ExactDiagonals.isSeparable(f.scores(), f.activation(), rowSums);
  }

  /** The gradient of logit 1 with respect to layer "0" when its output is replaced by {@code a}. */
  private static Tensor gradientAt(Module model, Tensor x, Tensor a) {
    Variable replaced = Variable.leaf(a);
    Variable logits;
    try (Scope _ = model.registerForwardHook("0", (m, in, out) -> replaced)) {
      logits = model.forward(Variable.constant(x));
    }
    Variable score = logits.slice(1, 1, 2).sum();
    return Autograd.grad(List.of(score), List.of(replaced), null, false).get(0).value();
  }

  private static Tensor bump(Tensor a, int p, double h) {
    double[] v = a.toDoubleArray();
    v[p] += h;
    return Tensor.of(v, a.shape().dims());
  }
}
