package io.gradlight.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadsTest {
  private static List<String> names(List<Workload> workloads) {
    return workloads.stream().map(Workload::name).toList();
  }

  @Test
  void theCoreSuiteHoldsEveryWorkloadIssueSevenNames() {
    List<String> core = names(Workloads.of(Suite.CORE));
    for (String name : List.of("gemm-1024", "maxpool-resnet18-stem", "gap-resnet18",
        "resize-bilinear", "resnet18-forward-224-b1", "resnet18-forward-224-b8",
        "gradcam-resnet18-224", "scorecam-shapesnet", "scorecam-resnet18-224",
        "rise-4000-shapesnet", "smoothgrad-50-shapesnet")) {
      assertTrue(core.contains(name), name);
    }
    for (String kernel : List.of("forward", "backward-input", "backward-weight")) {
      for (String shape : List.of("64x56x56-64-s1", "64x56x56-128-s2", "128x28x28-128-s1",
          "128x28x28-256-s2", "256x14x14-256-s1", "256x14x14-512-s2", "512x7x7-512-s1")) {
        assertTrue(core.contains("conv2d-" + kernel + "-" + shape), kernel + " " + shape);
      }
    }
  }

  @Test
  void theScalingSuiteCrossesThreeSizesWithThreeBatchesAndFourChannelCounts() {
    List<String> scaling = names(Workloads.of(Suite.SCALING));
    for (int size : new int[] {112, 224, 448}) {
      for (int batch : new int[] {1, 8, 32}) {
        assertTrue(scaling.contains("resnet18-forward-" + size + "-b" + batch), size + " " + batch);
      }
    }
    for (int channels : new int[] {16, 32, 64, 128}) {
      assertTrue(scaling.contains("scorecam-shapesnet-c" + channels), "c" + channels);
    }
    assertFalse(scaling.contains("gemm-1024"));
    assertFalse(names(Workloads.of(Suite.CORE)).contains("resnet18-forward-448-b32"));
  }

  @Test
  void selectTakesAllASuiteAnExactNameOrAPrefix() {
    assertEquals(Workloads.all(), Workloads.select(Workloads.ALL_SELECTOR));
    assertEquals(Workloads.of(Suite.SCALING), Workloads.select("scaling"));
    assertEquals(List.of("scorecam-shapesnet"), names(Workloads.select("scorecam-shapesnet")));
    List<String> forward = names(Workloads.select("conv2d-forward"));
    assertEquals(7, forward.size(), forward.toString());
    assertTrue(forward.stream().allMatch(n -> n.startsWith("conv2d-forward-")), forward.toString());
    assertEquals(List.of(), Workloads.select("no-such"));
  }

  @Test
  void findNamesTheUnknownWorkload() {
    assertEquals("gemm-1024", Workloads.find("gemm-1024").name());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Workloads.find("gemm"));
    assertTrue(e.getMessage().contains("'gemm'"), e.getMessage());
  }
}
