package io.gradlight.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.Pooling;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class KernelWorkloadsTest {
  @Test
  void everyKernelWorkloadRunsOnceWithoutATimer() {
    for (Workload w : KernelWorkloads.list()) {
      Object result = w.prepare().task().get();
      assertTrue(result instanceof Tensor || result instanceof Pooling.MaxPoolResult, w.name());
    }
  }

  @Test
  void convolutionsProduceTheirDeclaredShapes() {
    for (KernelWorkloads.Conv3x3 c : KernelWorkloads.RESNET18_3X3) {
      String label = c.label();
      assertEquals(c.output(), run("conv2d-forward-" + label).shape(), label);
      assertEquals(c.input(), run("conv2d-backward-input-" + label).shape(), label);
      assertEquals(c.weight(), run("conv2d-backward-weight-" + label).shape(), label);
    }
  }

  @Test
  void aStrideTwoConvolutionCountsTwoFlopsPerMultiplyAdd() {
    // 64 x 56 x 56 to 128 channels at stride 2: 28 x 28 outputs of 64 x 3 x 3 multiply-adds.
    long flops = 2L * 128 * 28 * 28 * 64 * 9;
    for (String kernel : new String[] {"forward", "backward-input", "backward-weight"}) {
      Workload w = Workloads.find("conv2d-" + kernel + "-64x56x56-128-s2");
      assertEquals(flops, w.prepare().flops().getAsLong(), kernel);
    }
    assertEquals(2L << 30, Workloads.find("gemm-1024").prepare().flops().getAsLong());
    assertTrue(Workloads.find("gap-resnet18").prepare().flops().isEmpty());
  }

  @Test
  void theResizeUpsamplesABatchOfCams() {
    assertEquals(Shape.of(32, 1, 224, 224), run("resize-bilinear").shape());
  }

  private static Tensor run(String name) {
    return assertInstanceOf(Tensor.class, Workloads.find(name).prepare().task().get());
  }
}
