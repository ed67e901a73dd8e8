package io.gradlight.saliency.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Autograd;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Capture;
import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.Models;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;

/** Small F64 models, inputs and independent reference gradients for the CAM tests. */
final class CamTesting {
  /** Classes of the test models. */
  static final int CLASSES = 5;
  /** Input size of the test images (ShapesNet's last block is then 4 x 4). */
  static final int SIZE = 32;
  /** Relative tolerance of F64 comparisons of two computations of the same map. */
  static final double RTOL = 1e-10;

  private CamTesting() {}

  /** ShapesNet with {@link #CLASSES} classes in F64 and eval mode. */
  static Module shapesnet(Activation activation, long seed) {
    return Models.create("shapesnet", CLASSES, activation, seed).to(DType.F64).eval();
  }

  /** {@code n} images {@code [n, 3, SIZE, SIZE]} uniform in [-1, 1]. */
  static Tensor images(int n, long seed) {
    return Tensor.uniform(DType.F64, Shape.of(n, 3, SIZE, SIZE), -1, 1, new SplittableRandom(seed));
  }

  /**
   * The activation of {@code layer} and the gradient of {@code sum_n z[n, classes[n]]} with
   * respect to it, taken directly with a capture and {@code Autograd.grad}: index 0 is A, 1 is g.
   */
  static Tensor[] layerAndGradient(Module model, Tensor x, String layer, int... classes) {
    Variable logits;
    Variable a;
    try (Capture capture = model.capture(layer)) {
      logits = model.forward(Variable.leaf(x));
      a = capture.output();
    }
    Variable score = null;
    for (int n = 0; n < classes.length; n++) {
      Variable s = logits.slice(0, n, n + 1).slice(1, classes[n], classes[n] + 1).sum();
      score = score == null ? s : score.add(s);
    }
    Variable g = Autograd.grad(List.of(score), List.of(a), null, false).get(0);
    return new Tensor[] {a.value(), g.value()};
  }

  /** {@code max |actual - expected| <= rtol max |expected|}, with shapes equal. */
  static void assertClose(Tensor expected, Tensor actual, double rtol) {
    assertEquals(expected.shape(), actual.shape(), "shape");
    double[] e = expected.toDoubleArray();
    double[] a = actual.toDoubleArray();
    double scale = 0;
    double diff = 0;
    for (int i = 0; i < e.length; i++) {
      scale = Math.max(scale, Math.abs(e[i]));
      diff = Math.max(diff, Math.abs(a[i] - e[i]));
    }
    assertTrue(scale > 0, "the expected map is all zero");
    assertTrue(diff <= rtol * scale, "max abs difference " + diff + " > " + rtol + " * " + scale);
  }

  /** Asserts that {@code actual} equals {@code expected} element by element as doubles. */
  static void assertSameValues(Tensor expected, Tensor actual) {
    assertEquals(expected.shape(), actual.shape(), "shape");
    assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray());
  }
}
