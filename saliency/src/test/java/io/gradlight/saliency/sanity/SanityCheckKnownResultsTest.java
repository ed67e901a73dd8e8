package io.gradlight.saliency.sanity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.Module;
import io.gradlight.nn.data.ShapeClass;
import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.train.ShippedWeights;
import io.gradlight.nn.zoo.Models;
import io.gradlight.saliency.Methods;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The results of Adebayo et al. (2018) on the shipped shapesnet, with the defaults of
 * {@code gradlight sanity} (16 Shapes images of seed 0, 10 draws of the re-initialised weights):
 * gradients and Grad-CAM pass, Guided Backprop and Guided Grad-CAM fail. Over twelve seeds of
 * the draws on these images, and four on each of three other image sets, the mean Spearman after
 * full randomisation stayed within 0.003 of 0 for gradients and within 0.065 for Grad-CAM, and
 * was at least 0.23 for Guided Backprop and 0.11 for Guided Grad-CAM (whose margin is the
 * smallest: its Grad-CAM factor changes, its Guided Backprop factor keeps the input's edges).
 */
class SanityCheckKnownResultsTest {
  private static SanityReport report;

  @BeforeAll
  static void run() throws IOException {
    Module model = ShippedWeights.model("shapesnet");
    SanityCheck check = new SanityCheck(model,
        s -> Models.create("shapesnet", ShapeClass.COUNT, Activation.RELU, s),
        Shapes.batch(16, 0).images(), Models.defaultTargetLayer("shapesnet"), 0, 10, new Ssim());
    report = check.verdicts(List.of(Methods.create("gradient"), Methods.create("gradcam"),
        Methods.create("guided-backprop"), Methods.create("guided-gradcam")), () -> {});
  }

  private static Verdict verdict(String method) {
    MethodSanity m = report.method(method);
    assertEquals(16 * 10, m.fullCascade().samples().length);
    return m.verdict();
  }

  @Test
  void gradientsPass() {
    assertTrue(verdict("gradient").passed(), verdict("gradient").toString());
  }

  @Test
  void gradCamPasses() {
    assertTrue(verdict("gradcam").passed(), verdict("gradcam").toString());
  }

  @Test
  void guidedBackpropFails() {
    assertFalse(verdict("guided-backprop").passed(), verdict("guided-backprop").toString());
  }

  @Test
  void guidedGradCamFails() {
    assertFalse(verdict("guided-gradcam").passed(), verdict("guided-gradcam").toString());
  }
}
