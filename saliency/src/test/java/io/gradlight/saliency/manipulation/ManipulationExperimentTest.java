package io.gradlight.saliency.manipulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.ShapesNet;
import io.gradlight.saliency.cam.GradCam;
import io.gradlight.saliency.perturbation.Rise;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManipulationExperimentTest {
  /** Grad-CAM on the manipulated network must be this close to the target (mean L1 in [0, 1]). */
  private static final double FOOLED_L1 = 0.01;

  @Test
  void gradCamDrawsTheTargetWhileRiseSeesNoChange() {
    ShapesNet net = new ShapesNet(8, Activation.RELU, 11);
    net.to(DType.F64);
    net.eval();
    TargetPicture smiley = TargetPicture.smiley(8, 8);
    ManipulatedNet lie = ManipulatedNet.build(net, smiley);
    Tensor x = Shapes.batch(2, 5).images().to(DType.F64);
    int[] calls = {0};
    ManipulationReport r =
        ManipulationExperiment.run(
            net, lie, x, List.of(new GradCam(), new Rise(8, 7, 0.5, 16)), 3, () -> calls[0]++);

    assertEquals(2, calls[0]);
    assertTrue(r.samePredictions());
    assertTrue(r.relativeLogitDifference() <= 1e-6, "logits moved " + r.maxLogitDifference());

    ManipulationReport.Outcome gradcam = r.outcome("gradcam");
    assertTrue(gradcam.manipulatedToTarget() <= FOOLED_L1, "L1 " + gradcam.manipulatedToTarget());
    assertTrue(gradcam.originalToTarget() > 10 * FOOLED_L1, "L1 " + gradcam.originalToTarget());
    assertTrue(gradcam.manipulatedSsim() > 0.99, "SSIM " + gradcam.manipulatedSsim());
    assertTrue(gradcam.fooled());

    // RISE sees only the logits, which are equal to rounding: the same maps, not fooled.
    ManipulationReport.Outcome rise = r.outcome("rise");
    assertTrue(rise.change() < 1e-9, "RISE maps moved by " + rise.change());
    assertFalse(rise.fooled());
  }
}
