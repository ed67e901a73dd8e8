package io.gradlight.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vector SGEMM against the scalar reference (bound scaled by k) and against EJML, over sizes
 * that straddle the micro-kernel's 4 x 16 tile, the 256-deep passes and the task blocks, in all
 * four layouts, with offsets and accumulation. Skipped when the Vector API is absent.
 */
class VectorGemmTest {
  /** Sizes around the micro-tile (4 x 2 vectors), the k pass (256) and the blocks (96 x 256). */
  static final int[] SIZES = {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 65, 97, 257};

  private Kernels vector;
  private final Kernels scalar = ScalarKernels.INSTANCE;

  @BeforeEach
  void needsTheVectorApi() {
    vector = KernelProvider.vectorOrNull();
    assumeTrue(vector != null, "the Vector API module is not readable");
  }

  @Test
  void emptyShapesWriteZerosOrKeepC() {
    float[] c = {5f, 6f, 7f};
    vector.gemm(false, false, 1, 2, 0, new float[0], 0, new float[0], 0, c, 1, true);
    assertArrayEquals(new float[] {5f, 6f, 7f}, c);
    vector.gemm(true, false, 1, 2, 0, new float[0], 0, new float[0], 0, c, 1, false);
    assertArrayEquals(new float[] {5f, 0f, 0f}, c);
    vector.gemm(false, true, 0, 2, 3, new float[0], 0, new float[6], 0, c, 0, false);
    vector.gemm(true, true, 2, 0, 3, new float[6], 0, new float[0], 0, c, 0, false);
    assertArrayEquals(new float[] {5f, 0f, 0f}, c);
  }

  @Test
  void matchesTheReferenceOverTailsOfEveryLoop() {
    long seed = 100;
    for (int m : SIZES) {
      for (int n : SIZES) {
        for (int k : new int[] {1, 3, 16, 255, 257}) {
          if ((long) m * n * k > 3_000_000) {
            continue;
          }
          int layout = (int) (seed++ % 4);
          checkAgainstReference((layout & 1) != 0, (layout & 2) != 0, m, n, k, seed++);
        }
      }
    }
  }

  @Test
  void rowVectorProductsInAllLayouts() {
    long seed = 700;
    for (int m = 1; m < 4; m++) {
      for (int layout = 0; layout < 4; layout++) {
        for (int[] nk : new int[][] {{1, 1}, {17, 33}, {300, 70}, {900, 100}}) {
          checkAgainstReference((layout & 1) != 0, (layout & 2) != 0, m, nk[0], nk[1], seed++);
        }
      }
    }
  }

  @Test
  void allFourLayoutsWithAccumulationOnLargerBlocks() {
    for (int layout = 0; layout < 4; layout++) {
      checkAgainstReference((layout & 1) != 0, (layout & 2) != 0, 130, 300, 520, 900 + layout);
    }
  }

  /**
   * Panels past an operand's edge hold stale {@link Scratch} values: poisoned with NaN (one
   * thread, so every array is the caller's), none reaches C.
   */
  @Test
  void staleScratchNeverReachesAResult() {
    StaleScratch.eachOnPoisonedScratch(1 << 20, this::matchesTheReferenceOverTailsOfEveryLoop,
        this::allFourLayoutsWithAccumulationOnLargerBlocks);
  }

  @Test
  void matchesEjml() {
    int m = 37;
    int n = 70;
    int k = 300;
    FMatrixRMaj a = new FMatrixRMaj(m, k, true, TestArrays.floats(m * k, 1));
    FMatrixRMaj b = new FMatrixRMaj(k, n, true, TestArrays.floats(k * n, 2));
    FMatrixRMaj want = new FMatrixRMaj(m, n);
    CommonOps_FDRM.mult(a, b, want);
    float[] got = new float[m * n];
    vector.gemm(false, false, m, n, k, a.data, 0, b.data, 0, got, 0, false);
    float[] absSum = new float[m * n];
    scalar.gemm(false, false, m, n, k, TestArrays.abs(a.data), 0, TestArrays.abs(b.data), 0,
        absSum, 0, false);
    for (int e = 0; e < m * n; e++) {
      // both accumulate in float32, in different orders: twice the bound of one
      assertEquals(want.data[e], got[e], 2 * Tolerances.f32Sum(k, absSum[e]), "at " + e);
    }
  }

  private void checkAgainstReference(boolean transA, boolean transB, int m, int n, int k,
      long seed) {
    float[] a = TestArrays.floats(m * k + 5, seed);
    float[] b = TestArrays.floats(k * n + 3, seed + 1);
    float[] c0 = TestArrays.floats(m * n + 7, seed + 2);
    boolean accumulate = seed % 3 == 0;
    float[] want = c0.clone();
    scalar.gemm(transA, transB, m, n, k, a, 5, b, 3, want, 7, accumulate);
    float[] got = c0.clone();
    vector.gemm(transA, transB, m, n, k, a, 5, b, 3, got, 7, accumulate);
    float[] absSum = new float[m * n];
    scalar.gemm(transA, transB, m, n, k, TestArrays.abs(a), 5, TestArrays.abs(b), 3, absSum, 0,
        false);
    String what = "m=" + m + " n=" + n + " k=" + k + " transA=" + transA + " transB=" + transB
        + " accumulate=" + accumulate;
    for (int e = 0; e < 7; e++) {
      assertEquals(c0[e], got[e], 0f, "before the offset, " + what);
    }
    for (int e = 0; e < m * n; e++) {
      double bound = Tolerances.f32Sum(k + 1, absSum[e] + (accumulate ? Math.abs(c0[7 + e]) : 0));
      assertEquals(want[7 + e], got[7 + e], bound, what + " at " + e);
    }
  }
}
