package io.gradlight.perf;

import io.gradlight.perf.Workload.Prepared;
import io.gradlight.tensor.Convolution;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.MatMul;
import io.gradlight.tensor.Pooling;
import io.gradlight.tensor.Resize;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The hot kernels, each through its {@code Tensor}-level entry point (the one the layers call,
 * output allocation included): SGEMM 1024, the three convolution kernels at every distinct 3x3
 * convolution of ResNet-18 at 224 x 224 (batch 1), ResNet-18's stem max-pool, its global average
 * pool, and the bilinear upsampling of a batch of 7 x 7 CAMs to 224 x 224. Inputs are uniform
 * on [-1, 1) from fixed seeds.
 */
final class KernelWorkloads {
  private static final int[] PAD = {1, 1};
  private static final int[] NO_DILATION = {1, 1};

  /**
   * A 3x3 convolution with padding 1 on a square input, batch 1.
   *
   * @param cIn input channels
   * @param size input height and width
   * @param cOut output channels
   * @param stride 1, or 2 where a stage halves the resolution
   */
  record Conv3x3(int cIn, int size, int cOut, int stride) {
    /** {@code 64x56x56-128-s2}. */
    String label() {
      return cIn + "x" + size + "x" + size + "-" + cOut + "-s" + stride;
    }

    Shape input() {
      return Shape.of(1, cIn, size, size);
    }

    Shape weight() {
      return Shape.of(cOut, cIn, 3, 3);
    }

    Shape output() {
      int out = (size - 1) / stride + 1; // (size + 2 - 3) / stride + 1
      return Shape.of(1, cOut, out, out);
    }

    int[] strides() {
      return new int[] {stride, stride};
    }

    String describe() {
      return input() + " * " + weight() + ", stride " + stride + ", pad 1";
    }

    long flops() {
      return (long) Convolution.geometry(input(), weight(), strides(), PAD, NO_DILATION).flops();
    }
  }

  /** Every distinct 3x3 convolution of ResNet-18 at 224 x 224, in network order. */
  static final List<Conv3x3> RESNET18_3X3 = List.of(
      new Conv3x3(64, 56, 64, 1),
      new Conv3x3(64, 56, 128, 2),
      new Conv3x3(128, 28, 128, 1),
      new Conv3x3(128, 28, 256, 2),
      new Conv3x3(256, 14, 256, 1),
      new Conv3x3(256, 14, 512, 2),
      new Conv3x3(512, 7, 512, 1));

  static final int GEMM_SIZE = 1024;

  private KernelWorkloads() {}

  static List<Workload> list() {
    List<Workload> all = new ArrayList<>();
    all.add(Workload.of("gemm-" + GEMM_SIZE, "[" + GEMM_SIZE + ", " + GEMM_SIZE + "] x ["
        + GEMM_SIZE + ", " + GEMM_SIZE + "]", Suite.CORE, KernelWorkloads::gemm));
    for (Conv3x3 c : RESNET18_3X3) {
      all.add(Workload.of("conv2d-forward-" + c.label(), c.describe(), Suite.CORE,
          () -> convForward(c)));
    }
    for (Conv3x3 c : RESNET18_3X3) {
      all.add(Workload.of("conv2d-backward-input-" + c.label(), c.describe(), Suite.CORE,
          () -> convBackwardInput(c)));
    }
    for (Conv3x3 c : RESNET18_3X3) {
      all.add(Workload.of("conv2d-backward-weight-" + c.label(), c.describe(), Suite.CORE,
          () -> convBackwardWeight(c)));
    }
    all.add(Workload.of("maxpool-resnet18-stem", "[1, 64, 112, 112], 3x3, stride 2, pad 1",
        Suite.CORE, KernelWorkloads::maxPool));
    all.add(Workload.of("gap-resnet18", "[1, 512, 7, 7]", Suite.CORE,
        KernelWorkloads::globalAvgPool));
    all.add(Workload.of("resize-bilinear", "[32, 1, 7, 7] to 224 x 224", Suite.CORE,
        KernelWorkloads::resize));
    return all;
  }

  private static Tensor random(Shape shape, long seed) {
    return Tensor.uniform(DType.F32, shape, -1, 1, new SplittableRandom(seed));
  }

  private static Prepared gemm() {
    Shape s = Shape.of(GEMM_SIZE, GEMM_SIZE);
    Tensor a = random(s, 1);
    Tensor b = random(s, 2);
    return Prepared.withFlops(2L * GEMM_SIZE * GEMM_SIZE * GEMM_SIZE, () -> MatMul.matmul(a, b));
  }

  private static Prepared convForward(Conv3x3 c) {
    Tensor x = random(c.input(), 3);
    Tensor w = random(c.weight(), 4);
    return Prepared.withFlops(c.flops(),
        () -> Convolution.conv2d(x, w, null, c.strides(), PAD, NO_DILATION));
  }

  private static Prepared convBackwardInput(Conv3x3 c) {
    Tensor gy = random(c.output(), 5);
    Tensor w = random(c.weight(), 4);
    return Prepared.withFlops(c.flops(),
        () -> Convolution.backwardInput(gy, w, c.input(), c.strides(), PAD, NO_DILATION));
  }

  private static Prepared convBackwardWeight(Conv3x3 c) {
    Tensor x = random(c.input(), 3);
    Tensor gy = random(c.output(), 5);
    return Prepared.withFlops(c.flops(),
        () -> Convolution.backwardWeight(x, gy, c.weight(), c.strides(), PAD, NO_DILATION));
  }

  private static Prepared maxPool() {
    Tensor x = random(Shape.of(1, 64, 112, 112), 6);
    int[] kernel = {3, 3};
    int[] stride = {2, 2};
    int[] pad = {1, 1};
    return Prepared.withoutFlops(() -> Pooling.maxPool2d(x, kernel, stride, pad));
  }

  private static Prepared globalAvgPool() {
    Tensor x = random(Shape.of(1, 512, 7, 7), 7);
    return Prepared.withoutFlops(() -> Pooling.globalAvgPool(x));
  }

  private static Prepared resize() {
    Tensor x = random(Shape.of(32, 1, 7, 7), 8);
    return Prepared.withoutFlops(() -> Resize.bilinear(x, 224, 224, false));
  }
}
