package io.gradlight.saliency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Autograd;
import io.gradlight.autograd.ReluRule;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Capture;
import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.Models;
import io.gradlight.nn.zoo.ShapesNet;
import io.gradlight.saliency.cam.SmoothGradCamPlusPlus;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Resize;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The identities between CAM methods, in F64 on random-weight models (64x64 inputs, two images,
 * explicit targets), each within {@link #RTOL} relative to the largest value compared:
 *
 * <ul>
 *   <li>CAM is Grad-CAM times the map size {@code h w} on a GAP + linear head;
 *   <li>{@code gradcam++-exact} (eq. 10 from nested reverse mode, {@code e^S} divided out, same
 *       eps) equals {@code gradcam++} (eq. 19) on piecewise-linear heads; on a softplus head it
 *       equals eq. 10 with the closed-form curvature terms of softplus, and eq. 19 is the same
 *       formula with those terms set to zero;
 *   <li>Guided Grad-CAM is Guided Backprop times the upsampled ReLU of Grad-CAM;
 *   <li>Smooth Grad-CAM++ with zero noise is Grad-CAM++.
 * </ul>
 */
class ExactnessTest {
  /** Relative tolerance of every identity. */
  static final double RTOL = 1e-9;
  private static final int CLASSES = 6;
  private static final int[] TARGETS = {2, 5};
  private static final Tensor X =
      Tensor.uniform(DType.F64, Shape.of(2, 3, 64, 64), -1, 1, new SplittableRandom(31));
  private static final Module SHAPESNET = model("shapesnet", Activation.RELU);
  private static final Module RESNET18 = model("resnet18", Activation.RELU);

  private static Module model(String name, Activation activation) {
    return Models.create(name, CLASSES, activation, 12).to(DType.F64).eval();
  }

  private static SaliencyMap explain(String id, Module model, String layer) {
    return Methods.create(id).explain(ExplainRequest.of(model, X).withLayer(layer)
        .withTargets(Targets.of(TARGETS)));
  }

  @Test
  void camIsGradCamTimesTheMapSize() {
    for (Module model : List.of(SHAPESNET, RESNET18)) {
      String layer = model == SHAPESNET ? "features.14" : "layer4";
      Tensor cam = explain("cam", model, layer).raw();
      Tensor gradCam = explain("gradcam", model, layer).raw();
      double size = cam.dim(1) * cam.dim(2);
      double fitted = cam.mul(gradCam).sum().item() / gradCam.square().sum().item();
      assertEquals(size, fitted, RTOL * size, layer + ": fitted scale");
      assertClose(cam, gradCam.mul(size), layer);
    }
  }

  @Test
  void exactGradCamPlusPlusIsEquation19OnPiecewiseLinearHeads() {
    String[][] cases = {{"features.14", "features.10"}, {"layer4", "layer3"}};
    Module[] models = {SHAPESNET, RESNET18};
    for (int m = 0; m < models.length; m++) {
      for (String layer : cases[m]) {
        SaliencyMap exact = explain("gradcam++-exact", models[m], layer);
        assertEquals("separable head: one backward per order", exact.notes().get("derivatives"));
        assertClose(explain("gradcam++", models[m], layer).raw(), exact.raw(), layer);
      }
    }
  }

  /**
   * ShapesNet with softplus, explained at {@code features.13} (the BN output): the head is
   * {@code S = sum_k W[c, k] mean_ij softplus(A_kij) + b}, so with {@code s = sigmoid(A)} and
   * {@code u = W[c, k] / (h w)}: {@code g = u s}, {@code S'' = u s (1 - s)},
   * {@code S''' = u s (1 - s) (1 - 2 s)}.
   */
  @Test
  void onASoftplusHeadTheExactMethodAddsTheCurvatureTerms() {
    ShapesNet model = (ShapesNet) model("shapesnet", Activation.SOFTPLUS);
    String layer = "features.13";
    Tensor a;
    try (Capture capture = model.capture(layer)) {
      model.forward(Variable.constant(X));
      a = capture.output().value();
    }
    Tensor w = model.fc().weight().value();
    Tensor exact = explain("gradcam++-exact", model, layer).raw();
    Tensor closedForm = explain("gradcam++", model, layer).raw();
    assertClose(softplusGradCamPlusPlus(a, w, true), exact, "with curvature");
    assertClose(softplusGradCamPlusPlus(a, w, false), closedForm, "without curvature");
    double gap = exact.sub(closedForm).abs().maxValue() / exact.abs().maxValue();
    System.out.printf("softplus head: gradcam++-exact vs gradcam++ relative difference %.3e%n",
        gap);
    assertTrue(gap > 1e-3, "the curvature terms should matter, got " + gap);
  }

  /** Eq. 10 with e^S divided out, by loops, with or without softplus's curvature terms. */
  private static Tensor softplusGradCamPlusPlus(Tensor a, Tensor w, boolean curvature) {
    int n = a.dim(0);
    int channels = a.dim(1);
    int h = a.dim(2);
    int wd = a.dim(3);
    double[] out = new double[n * h * wd];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < channels; k++) {
        double u = w.get(TARGETS[i], k) / (h * wd);
        double sumA = 0;
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < wd; x++) {
            sumA += a.get(i, k, y, x);
          }
        }
        double weight = 0;
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < wd; x++) {
            double s = 1 / (1 + Math.exp(-a.get(i, k, y, x)));
            double g = u * s;
            double s2 = curvature ? u * s * (1 - s) : 0;
            double s3 = curvature ? u * s * (1 - s) * (1 - 2 * s) : 0;
            double d2 = g * g + s2;
            double d3 = g * g * g + 3 * g * s2 + s3;
            double alpha = d2 == 0 ? 0 : d2 / (2 * d2 + sumA * d3 + 1e-6);
            weight += Math.max(g, 0) * alpha;
          }
        }
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < wd; x++) {
            out[(i * h + y) * wd + x] += weight * a.get(i, k, y, x);
          }
        }
      }
    }
    return Tensor.of(out, n, h, wd);
  }

  @Test
  void guidedGradCamIsGuidedBackpropTimesUpsampledGradCam() {
    for (Module model : List.of(SHAPESNET, RESNET18)) {
      String layer = model == SHAPESNET ? "features.14" : "layer4";
      Variable x = Variable.leaf(X);
      Variable logits = model.forward(x);
      Variable score = logits.slice(0, 0, 1).slice(1, TARGETS[0], TARGETS[0] + 1).sum()
          .add(logits.slice(0, 1, 2).slice(1, TARGETS[1], TARGETS[1] + 1).sum());
      Tensor guided;
      try (Scope _ = ReluRule.guided()) {
        guided = Autograd.grad(List.of(score), List.of(x), null, false).get(0).value();
      }
      Tensor cam = explain("gradcam", model, layer).raw().relu().unsqueeze(1);
      Tensor expected = guided.mul(Resize.bilinear(cam, X.dim(2), X.dim(3), false));
      assertClose(expected, explain("guided-gradcam", model, layer).raw(), layer);
    }
  }

  @Test
  void smoothGradCamPlusPlusWithoutNoiseIsGradCamPlusPlus() {
    for (String layer : List.of("features.14", "features.10")) {
      ExplainRequest r = ExplainRequest.of(SHAPESNET, X).withLayer(layer)
          .withTargets(Targets.of(TARGETS)).withSeed(5);
      Tensor smooth = new SmoothGradCamPlusPlus(4, 0).explain(r).raw();
      assertClose(explain("gradcam++", SHAPESNET, layer).raw(), smooth, layer);
    }
  }

  private static void assertClose(Tensor expected, Tensor actual, String what) {
    assertEquals(expected.shape(), actual.shape(), what);
    double scale = Math.max(expected.abs().maxValue(), actual.abs().maxValue());
    double diff = expected.sub(actual).abs().maxValue();
    System.out.printf("exactness %s: max difference %.2e of %.2e%n", what, diff, scale);
    assertTrue(scale > 0 && diff <= RTOL * scale, what + ": " + diff + " > " + RTOL + " * "
        + scale);
  }
}
