package io.gradlight.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.kernels.KernelProvider;
import io.gradlight.tensor.kernels.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Gradients of a small CNN (conv, ReLU, max-pool, conv, ReLU, global average pool, linear) do not
 * depend on the thread count, bit for bit, and F32 gradients agree with the F64 ones (F64 always
 * runs on the scalar reference). The pom runs this class twice: with the vector kernels (the
 * default) and with {@code -Dgradlight.kernels=scalar}; both F32 paths match the same F64
 * gradients within {@link #F32_TOLERANCE}, hence each other within twice that.
 */
class KernelsAndThreadsTest {
  /** F32 gradients against F64 ones: relative to the largest gradient of each tensor. */
  private static final double F32_TOLERANCE = 1e-4;

  private record Net(Tensor x, Tensor w1, Tensor b1, Tensor w2, Tensor b2, Tensor wl, Tensor bl) {
    static Net random(DType dtype) {
      SplittableRandom rng = new SplittableRandom(11);
      return new Net(t(dtype, rng, 1.0, 4, 8, 20, 20), t(dtype, rng, 0.2, 16, 8, 3, 3),
          t(dtype, rng, 0.1, 16), t(dtype, rng, 0.1, 16, 16, 3, 3), t(dtype, rng, 0.1, 16),
          t(dtype, rng, 0.3, 10, 16), t(dtype, rng, 0.1, 10));
    }

    private static Tensor t(DType dtype, SplittableRandom rng, double scale, int... dims) {
      return Tensor.uniform(DType.F64, Shape.of(dims), -scale, scale, rng).to(dtype);
    }

    /** The gradients of a cross-entropy-like loss with respect to x and every parameter. */
    List<Tensor> gradients() {
      List<Variable> leaves = new ArrayList<>();
      for (Tensor t : List.of(x, w1, b1, w2, b2, wl, bl)) {
        leaves.add(Variable.leaf(t));
      }
      int[] one = {1, 1};
      Variable h = leaves.get(0).conv2d(leaves.get(1), leaves.get(2), one, one, one).relu()
          .maxPool2d(new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0})
          .conv2d(leaves.get(3), leaves.get(4), one, one, one).relu().globalAvgPool()
          .matmul(leaves.get(5).transpose(0, 1)).add(leaves.get(6));
      Variable loss = h.logSoftmax(1).slice(1, 3, 4).sum().neg();
      List<Tensor> out = new ArrayList<>();
      for (Variable g : Autograd.grad(List.of(loss), leaves, null, false)) {
        out.add(g.value());
      }
      return out;
    }
  }

  @Test
  void gradientsAreBitwiseIdenticalForOneTwoAndFourThreads() {
    Net net = Net.random(DType.F32);
    List<Tensor> one = Parallel.withThreads(1, net::gradients);
    for (int threads : new int[] {2, 4}) {
      List<Tensor> many = Parallel.withThreads(threads, net::gradients);
      for (int i = 0; i < one.size(); i++) {
        assertArrayEquals(one.get(i).f32(), many.get(i).f32(),
            "gradient " + i + " with " + threads + " threads");
      }
    }
  }

  @Test
  void theF32FastPathAgreesWithTheF64Reference() {
    if (KernelProvider.vectorOrNull() != null && System.getProperty("gradlight.kernels") == null) {
      assertEquals("vector", KernelProvider.kernels().name());
    }
    List<Tensor> fast = Net.random(DType.F32).gradients();
    List<Tensor> reference = Net.random(DType.F64).gradients();
    for (int i = 0; i < fast.size(); i++) {
      Tensor ref = reference.get(i);
      double scale = ref.abs().maxValue();
      assertTrue(scale > 0);
      double err = fast.get(i).to(DType.F64).sub(ref).abs().maxValue();
      assertTrue(err <= F32_TOLERANCE * scale, "gradient " + i + ": error " + err + ", scale "
          + scale
          + " (" + KernelProvider.kernels().name() + " kernels)");
    }
  }
}
