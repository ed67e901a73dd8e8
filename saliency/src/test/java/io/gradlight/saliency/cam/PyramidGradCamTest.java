package io.gradlight.saliency.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.Resize;
import io.gradlight.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class PyramidGradCamTest {
  private static final Module MODEL = CamTesting.shapesnet(Activation.RELU, 23);
  private static final ExplainRequest REQUEST = ExplainRequest.of(MODEL, CamTesting.images(2, 3))
      .withLayer("features.14").withTargets(Targets.of(0, 2));
  private static final List<String> SHAPESNET_STAGES =
      List.of("features.2", "features.6", "features.10", "features.14");

  @Test
  void shapesNetStagesAreTheActivationsBeforeEachPool() {
    SaliencyMap map = new PyramidGradCam().explain(REQUEST);
    assertEquals(String.join(", ", SHAPESNET_STAGES), map.notes().get("stages"));
    assertEquals("features.14", map.layer());
  }

  @Test
  void rawIsTheSumOfEachStagesUpsampledGradCam() {
    Tensor expected = null;
    for (String stage : SHAPESNET_STAGES) {
      Tensor cam = new GradCam().explain(REQUEST.withLayer(stage)).raw();
      Tensor up = Resize.bilinear(cam.unsqueeze(1), CamTesting.SIZE, CamTesting.SIZE, false);
      expected = expected == null ? up : expected.add(up);
    }
    expected = expected.squeeze(1);
    CamTesting.assertClose(expected, new PyramidGradCam().explain(REQUEST).raw(), CamTesting.RTOL);
  }

  @Test
  void explicitStagesOverrideTheChoice() {
    List<String> stages = List.of("features.6", "features.10");
    SaliencyMap map = new PyramidGradCam(stages).explain(REQUEST.withLayer(null));
    assertEquals("features.6, features.10", map.notes().get("stages"));
    assertEquals("features.10", map.layer());
  }

  @Test
  void badStagesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PyramidGradCam(List.of()));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> new PyramidGradCam(List.of("features.99")).explain(REQUEST));
    assertTrue(unknown.getMessage().contains("no layer 'features.99'"), unknown.getMessage());
  }
}
