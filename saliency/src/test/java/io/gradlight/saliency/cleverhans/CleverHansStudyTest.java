package io.gradlight.saliency.cleverhans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.ShapesNet;
import io.gradlight.saliency.Methods;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped Clever-Hans weights cheat, and the study sees it: an untrained shapesnet stands in
 * for the honest model (it is at chance on both sets, and its maps ignore the cue).
 */
class CleverHansStudyTest {
  @Test
  void theShippedCheaterReadsTheCueAndItsMapsPointAtIt() throws Exception {
    Module cheater = CleverHansWeights.checkpoint().newModel();
    ShapesNet untrained = new ShapesNet(8, Activation.RELU, 5);
    untrained.eval();
    int[] calls = {0};
    CleverHansStudy.Result r =
        new CleverHansStudy(32, 6, 0)
            .run(
                cheater,
                untrained,
                64,
                List.of(Methods.create("gradcam"), Methods.create("gradient-x-input")),
                () -> calls[0]++);

    assertEquals(CleverHansStudy.steps(2), calls[0]);
    assertTrue(r.cheaterCued() >= 0.9, "cued accuracy " + r.cheaterCued());
    assertTrue(r.cheaterClean() <= 0.35, "clean accuracy " + r.cheaterClean());
    assertTrue(r.cueArea() > 0.005 && r.cueArea() < 0.015, "cue area " + r.cueArea());
    assertEquals(6, r.labels().length);

    CleverHansStudy.MethodRelevance gradcam = r.methods().get(0);
    assertTrue(gradcam.cheaterPointsAtCue() >= 0.75, "points " + gradcam.cheaterPointsAtCue());
    assertTrue(gradcam.cheaterPointsAtCue() > gradcam.honestPointsAtCue());
    CleverHansStudy.MethodRelevance gxi = r.methods().get(1);
    assertTrue(gxi.cheaterOnCue() > 10 * r.cueArea(), "mass on cue " + gxi.cheaterOnCue());
    assertTrue(gxi.cheaterOnCue() > 5 * gxi.honestOnCue());
  }

  @Test
  void countsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new CleverHansStudy(4, 5, 0));
    assertThrows(IllegalArgumentException.class, () -> new CleverHansStudy(4, 0, 0));
  }
}
