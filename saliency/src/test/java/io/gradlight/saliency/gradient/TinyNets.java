package io.gradlight.saliency.gradient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlight.nn.Module;
import io.gradlight.nn.layers.AdaptiveAvgPool2d;
import io.gradlight.nn.layers.Conv2d;
import io.gradlight.nn.layers.Flatten;
import io.gradlight.nn.layers.Linear;
import io.gradlight.nn.layers.MaxPool2d;
import io.gradlight.nn.layers.ReLU;
import io.gradlight.nn.layers.Sequential;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.TensorRandom;
import java.util.SplittableRandom;

/** Small F64 models in eval mode and inputs for the input-gradient tests, and their checks. */
final class TinyNets {
  /** Relative tolerance for results that differ only by summation order (F64). */
  static final double ROUNDING = 1e-12;

  private TinyNets() {}

  /** {@code S = W flatten(x) + b}: Flatten then Linear({@code c h w -> classes}). */
  static Sequential linear(int c, int h, int w, int classes, long seed) {
    Sequential m = new Sequential(new Flatten(),
        new Linear(c * h * w, classes, true, new SplittableRandom(seed)));
    return prepare(m);
  }

  /** conv-relu-maxpool-conv-relu-GAP-linear on 3-channel inputs of at least 2x2. */
  static Module relu(int classes, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Module m = new Sequential(
        new Conv2d(3, 4, 3, 1, 1, true, rng), new ReLU(), new MaxPool2d(2),
        new Conv2d(4, 6, 3, 1, 1, true, rng), new ReLU(),
        new AdaptiveAvgPool2d(1), new Flatten(), new Linear(6, classes, true, rng));
    return prepare(m);
  }

  /** A one-hidden-layer MLP {@code S = V relu(W flatten(x))} (no biases), for hand-made VJPs. */
  static Sequential mlp(int inputs, int hidden, int classes, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return prepare(new Sequential(new Flatten(), new Linear(inputs, hidden, false, rng),
        new ReLU(), new Linear(hidden, classes, false, rng)));
  }

  private static <M extends Module> M prepare(M m) {
    m.to(DType.F64).eval().requiresGrad(false);
    return m;
  }

  /** A standard-normal F64 batch {@code [n, c, h, w]}. */
  static Tensor input(long seed, int n, int c, int h, int w) {
    return TensorRandom.normal(DType.F64, Shape.of(n, c, h, w), 0, 1, new SplittableRandom(seed));
  }

  /** Asserts equal shapes and {@code max |a - e| <= tol max |e|}. */
  static void assertClose(Tensor expected, Tensor actual, double tol) {
    assertEquals(expected.shape(), actual.shape());
    double[] e = expected.toDoubleArray();
    double[] a = actual.toDoubleArray();
    double scale = 0;
    double diff = 0;
    for (int i = 0; i < e.length; i++) {
      scale = Math.max(scale, Math.abs(e[i]));
      diff = Math.max(diff, Math.abs(a[i] - e[i]));
    }
    if (diff > tol * scale) {
      assertArrayEquals(e, a, tol * scale, "max |difference| " + diff + " over " + scale);
    }
  }
}
