package io.gradlight.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.gradlight.saliency.SaliencyMap;
import io.gradlight.tensor.Shape;
import org.junit.jupiter.api.Test;

class MethodWorkloadsTest {
  @Test
  void scoreCamOnShapesnetsFirstBlockRunsTheRealMethodAtThatLayer() {
    Workload w = Workloads.find("scorecam-shapesnet-c16");
    SaliencyMap map = assertInstanceOf(SaliencyMap.class, w.prepare().task().get());
    assertEquals("scorecam", map.method());
    assertEquals("features.2", map.layer());
    assertEquals(Shape.of(1, 64, 64), map.raw().shape());
  }
}
