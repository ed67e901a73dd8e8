package io.gradlight.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The promise of {@link Parallel}: every kernel gives bitwise identical results with 1, 2 and 4
 * threads. Each case runs once per thread count and the hashes of the output bits must agree; it
 * covers the kernels in use (vector or scalar, as this JVM chose) and the scalar reference.
 */
class DeterminismTest {
  private static final int[] THREAD_COUNTS = {1, 2, 4};

  @Test
  void everyParallelKernelIsIndependentOfTheThreadCount() {
    for (Kernels k : kernelsToCheck()) {
      assertSameForAllThreadCounts(k, "gemm", kernels -> {
        // just over the size that is split into parallel blocks
        float[] c = new float[64 * 100];
        kernels.gemm(false, true, 64, 100, 210, TestArrays.floats(64 * 210, 1), 0,
            TestArrays.floats(100 * 210, 2), 0, c, 0, false);
        return c;
      });
      // each image's product is just over the size that is split into parallel blocks
      // (and a batch that runs one image per task)
      for (ConvGeometry g : List.of(ConvGeometry.of(2, 16, 20, 20, 24, 3, 1, 1, 1),
          ConvGeometry.of(1, 16, 39, 37, 32, 3, 2, 1, 1),
          ConvGeometry.of(6, 8, 16, 15, 24, 3, 2, 1, 1))) {
        float[] x = TestArrays.floats(g.n() * g.cIn() * g.h() * g.w(), 3);
        float[] w = TestArrays.floats(g.cOut() * g.cIn() * g.kh() * g.kw(), 4);
        float[] gy = TestArrays.floats(g.n() * g.cOut() * g.outH() * g.outW(), 5);
        assertSameForAllThreadCounts(k, "conv2d " + g, kernels -> {
          float[] y = new float[gy.length];
          kernels.conv2d(g, x, w, null, y);
          return y;
        });
        assertSameForAllThreadCounts(k, "conv2dBackwardInput " + g, kernels -> {
          float[] gx = new float[x.length];
          kernels.conv2dBackwardInput(g, gy, w, gx);
          return gx;
        });
        assertSameForAllThreadCounts(k, "conv2dBackwardWeight " + g, kernels -> {
          float[] gw = new float[w.length];
          kernels.conv2dBackwardWeight(g, x, gy, gw);
          return gw;
        });
      }
      // a parallel chunk of 2^16 and a ragged second one
      float[] big = TestArrays.floats((1 << 16) + 4099, 6);
      assertSameForAllThreadCounts(k, "sum", kernels -> new float[] {
          (float) kernels.sum(big, 3, big.length - 3),
          (float) (kernels.sum(big, 0, big.length) * 1e-3)});
      assertSameForAllThreadCounts(k, "globalAvgPool", kernels -> {
        float[] y = new float[64];
        kernels.globalAvgPool(64, big.length / 64, big, y);
        return y;
      });
      // per channel: BatchNorm's layout, with channels split over tasks
      ChannelLayout l = new ChannelLayout(3, 16, 4099);
      float[] planes = TestArrays.floats(l.size(), 8);
      float[] perChannel = TestArrays.floats(16, 9);
      assertSameForAllThreadCounts(k, "sumPerChannel", kernels -> {
        double[] sums = new double[16];
        kernels.sumPerChannel(l, planes, sums);
        return bitsOf(sums);
      });
      assertSameForAllThreadCounts(k, "dotPerChannel and squaredDeviationsPerChannel", kernels -> {
        double[] dots = new double[16];
        kernels.dotPerChannel(l, planes, TestArrays.floats(l.size(), 12), dots);
        double[] squares = new double[16];
        kernels.squaredDeviationsPerChannel(l, planes, TestArrays.toDouble(perChannel), squares);
        double[] both = Arrays.copyOf(dots, 32);
        System.arraycopy(squares, 0, both, 16, 16);
        return bitsOf(both);
      });
      assertSameForAllThreadCounts(k, "binaryPerChannel", kernels -> {
        float[] y = new float[l.size()];
        kernels.binaryPerChannel(BinaryOp.MUL, l, planes, perChannel, y);
        return y;
      });
      // pooling over planes split into several tasks, with disjoint and overlapping windows
      for (PoolGeometry g : List.of(PoolGeometry.of(48, 64, 33, 2, 2, 0),
          PoolGeometry.of(48, 64, 33, 3, 2, 1))) {
        float[] x = TestArrays.floats(g.planes() * g.h() * g.w(), 10);
        float[] gy = TestArrays.floats(g.planes() * g.outH() * g.outW(), 11);
        assertSameForAllThreadCounts(k, "maxPool2d and backward " + g, kernels -> {
          float[] y = new float[gy.length];
          int[] argmax = new int[gy.length];
          kernels.maxPool2d(g, x, y, argmax);
          float[] gx = new float[x.length];
          kernels.maxPool2dBackward(g, gy, argmax, gx);
          return gx;
        });
        assertSameForAllThreadCounts(k, "avgPool2d and backward " + g, kernels -> {
          float[] y = new float[gy.length];
          kernels.avgPool2d(g, x, y);
          float[] gx = new float[x.length];
          kernels.avgPool2dBackward(g, y, gx);
          return gx;
        });
      }
      // exp stands for the transcendental functions, which are where a JIT can change results
      assertSameForAllThreadCounts(k, "exp", kernels -> {
        float[] y = new float[big.length];
        kernels.unary(UnaryOp.EXP, big, 0, y, 0, big.length);
        return y;
      });
    }
  }

  private static List<Kernels> kernelsToCheck() {
    Kernels active = KernelProvider.kernels();
    Kernels reference = ScalarKernels.INSTANCE;
    return active == reference ? List.of(active) : List.of(active, reference);
  }

  /**
   * Runs {@code run} with each thread count, then with the first again: a kernel whose result
   * changed as the JIT compiled it (a vendor math library in compiled code, Java in the
   * interpreter) fails the last comparison even when the thread counts agree.
   */
  private static void assertSameForAllThreadCounts(Kernels k, String what,
      Function<Kernels, float[]> run) {
    int first = 0;
    for (int i = 0; i <= THREAD_COUNTS.length; i++) {
      int threads = THREAD_COUNTS[i % THREAD_COUNTS.length];
      float[][] out = new float[1][];
      Parallel.withThreads(threads, () -> out[0] = run.apply(k));
      int hash = Arrays.hashCode(out[0]); // Float.hashCode is the bit pattern
      if (i == 0) {
        first = hash;
      } else {
        assertEquals(first, hash, k.name() + " " + what + ": " + threads + " threads vs 1");
      }
    }
  }

  /** Every bit of {@code values}, two floats per double, for the hash of a double result. */
  private static float[] bitsOf(double[] values) {
    float[] out = new float[2 * values.length];
    for (int i = 0; i < values.length; i++) {
      long bits = Double.doubleToRawLongBits(values[i]);
      out[2 * i] = Float.intBitsToFloat((int) (bits >>> 32));
      out[2 * i + 1] = Float.intBitsToFloat((int) bits);
    }
    return out;
  }
}
