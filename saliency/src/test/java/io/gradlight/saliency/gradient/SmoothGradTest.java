package io.gradlight.saliency.gradient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlight.nn.Module;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.gradient.SmoothGrad.Variant;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.kernels.Parallel;
import org.junit.jupiter.api.Test;

class SmoothGradTest {
  private static final Module NET = TinyNets.relu(3, 31);
  private static final Tensor BATCH = TinyNets.input(12, 2, 3, 8, 8);
  private static final ExplainRequest REQUEST = ExplainRequest.of(NET, BATCH).withSeed(42);

  private static Tensor run(SmoothGrad method, ExplainRequest r) {
    return method.explain(r).raw();
  }

  @Test
  void theSameSeedGivesTheSameMapOnAnyThreadCountAndPassSize() {
    SmoothGrad method = new SmoothGrad(6, 0.2, Variant.MEAN, 4);
    Tensor one = Parallel.withThreads(1, () -> run(method, REQUEST));
    Tensor two = Parallel.withThreads(2, () -> run(method, REQUEST));
    assertArrayEquals(one.toDoubleArray(), two.toDoubleArray());
    TinyNets.assertClose(one, run(new SmoothGrad(6, 0.2, Variant.MEAN, 1), REQUEST),
        TinyNets.ROUNDING);
    assertFalse(one.allClose(run(method, REQUEST.withSeed(43)), 1e-6, 0),
        "another seed draws other noise");
  }

  @Test
  void withoutNoiseTheMeanIsTheGradientAndTheVarianceZero() {
    Tensor gradient = new VanillaGradient().explain(REQUEST).raw();
    TinyNets.assertClose(gradient, run(new SmoothGrad(3, 0, Variant.MEAN, 16), REQUEST),
        TinyNets.ROUNDING);
    TinyNets.assertClose(gradient.square(), run(new SmoothGrad(3, 0, Variant.SQUARED, 16), REQUEST),
        TinyNets.ROUNDING);
    assertEquals(0, run(new SmoothGrad(3, 0, Variant.VARGRAD, 16), REQUEST).abs().maxValue(),
        1e-12 * gradient.square().maxValue());
  }

  @Test
  void varGradIsTheMeanSquareMinusTheSquaredMeanOfTheSameSamples() {
    Tensor mean = run(new SmoothGrad(5, 0.3, Variant.MEAN, 16), REQUEST);
    Tensor squared = run(new SmoothGrad(5, 0.3, Variant.SQUARED, 16), REQUEST);
    Tensor variance = run(new SmoothGrad(5, 0.3, Variant.VARGRAD, 16), REQUEST);
    TinyNets.assertClose(squared.sub(mean.square()), variance, 1e-9);
  }

  @Test
  void theMeanOfManySamplesApproachesTheGradientAsTheNoiseVanishes() {
    Tensor gradient = new VanillaGradient().explain(REQUEST).raw();
    double small = run(new SmoothGrad(4, 1e-6, Variant.MEAN, 16), REQUEST).sub(gradient)
        .abs().maxValue();
    double large = run(new SmoothGrad(4, 0.5, Variant.MEAN, 16), REQUEST).sub(gradient)
        .abs().maxValue();
    assertEquals(0, small, 1e-3 * large, "tiny noise stays near the gradient");
  }

  @Test
  void rejectsBadOptions() {
    assertThrows(IllegalArgumentException.class, () -> new SmoothGrad(0, 0.1, Variant.MEAN, 1));
    assertThrows(IllegalArgumentException.class, () -> new SmoothGrad(5, -0.1, Variant.MEAN, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new SmoothGrad(5, Double.NaN, Variant.MEAN, 1));
    assertThrows(IllegalArgumentException.class, () -> new SmoothGrad(5, 0.1, null, 1));
  }
}
