package io.gradlight.saliency.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.saliency.cam.PyramidStages.Finished;
import io.gradlight.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class PyramidStagesTest {

  private static Finished at(String name, int size) {
    return new Finished(name, Shape.of(1, 4, size, size));
  }

  @Test
  void aStageEndsBeforeEachChangeOfSizeAndAtTheTarget() {
    List<Finished> order = List.of(at("conv", 8), at("relu", 8), at("pool", 4), at("conv2", 4),
        at("block", 4), at("pool2", 2), at("last", 2), new Finished("fc", Shape.of(1, 10)));
    assertEquals(List.of("relu", "block", "last"), PyramidStages.select(order, "last"));
    assertEquals(List.of("relu", "conv2"), PyramidStages.select(order, "conv2"));
  }

  @Test
  void nonSpatialOutputsAndRepeatsAreSkipped() {
    List<Finished> order = List.of(at("act", 8), new Finished("vec", Shape.of(1, 4)),
        at("act", 8), at("pool", 4));
    assertEquals(List.of("act", "pool"), PyramidStages.select(order, "pool"));
  }

  @Test
  void theTargetMustHaveRun() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PyramidStages.select(List.of(at("a", 4)), "b"));
    assertTrue(e.getMessage().contains("'b' did not run"), e.getMessage());
  }
}
