package io.gradlight.tensor;

import static io.gradlight.tensor.TestTensors.assertMessage;
import static io.gradlight.tensor.TestTensors.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReductionsTest {

  /** What a naive reference reduces: the list of values of each output element. */
  private interface Fold {
    double apply(double[] values);
  }

  /**
   * The naive reference: for each output index, collect the inputs with the kept coordinates
   * equal, in row-major order, and fold them.
   */
  private static Tensor reference(Tensor x, int[] axes, boolean keepDims, Fold fold) {
    int rank = x.rank();
    boolean[] reduced = new boolean[rank];
    for (int a : axes) {
      reduced[x.shape().axis(a)] = true;
    }
    int[] keptDims = new int[rank];
    int[] resultDims = new int[rank];
    int kept = 0;
    int resultRank = 0;
    for (int k = 0; k < rank; k++) {
      if (!reduced[k]) {
        keptDims[kept++] = x.dim(k);
        resultDims[resultRank++] = x.dim(k);
      } else if (keepDims) {
        resultDims[resultRank++] = 1;
      }
    }
    int outSize = 1;
    for (int k = 0; k < kept; k++) {
      outSize *= keptDims[k];
    }
    int length = outSize == 0 ? 0 : x.size() / outSize;
    double[][] groups = new double[outSize][length];
    int[] fill = new int[outSize];
    int[] xDims = x.shape().dims();
    for (int i = 0; i < x.size(); i++) {
      int[] idx = ViewsTest.unravel(i, xDims);
      int o = 0;
      for (int k = 0; k < rank; k++) {
        if (!reduced[k]) {
          o = o * xDims[k] + idx[k];
        }
      }
      groups[o][fill[o]++] = x.getFlat(i);
    }
    double[] out = new double[outSize];
    for (int o = 0; o < outSize; o++) {
      out[o] = fold.apply(groups[o]);
    }
    return Tensor.of(out, Arrays.copyOf(resultDims, resultRank));
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s;
  }

  private static final int[][] AXES = {{}, {0}, {1}, {2}, {-1}, {0, 2}, {2, 0}, {0, 1, 2}, {1, 2}};

  @ParameterizedTest
  @EnumSource(DType.class)
  void reductionsMatchTheNaiveReferenceOverEveryAxisSet(DType dt) {
    for (int[] shape : new int[][] {{3, 4, 5}, {1, 6, 1}, {2, 0, 3}}) {
      Tensor x = randn(dt, 11, shape);
      for (int[] axes : AXES) {
        for (boolean keep : new boolean[] {false, true}) {
          int n = x.size() / Math.max(1, reference(x, axes, false, v -> 0).size());
          Tolerances.assertClose(reference(x, axes, keep, ReductionsTest::sum),
              x.sum(axes, keep), n);
          Tolerances.assertClose(reference(x, axes, keep, v -> sum(v) / v.length),
              x.mean(axes, keep), n);
          Tolerances.assertClose(reference(x, axes, keep, v -> {
            double m = sum(v) / v.length;
            double s = 0;
            for (double d : v) {
              s += (d - m) * (d - m);
            }
            return s / Math.max(0, v.length - 1);
          }), x.variance(axes, keep, 1), n);
          if (x.size() > 0) {
            Tolerances.assertSameValues(reference(x, axes, keep, v -> {
              double m = Double.NEGATIVE_INFINITY;
              for (double d : v) {
                m = Math.max(m, d);
              }
              return m;
            }).to(dt), x.max(axes, keep));
            Tolerances.assertSameValues(reference(x, axes, keep, v -> {
              double m = Double.POSITIVE_INFINITY;
              for (double d : v) {
                m = Math.min(m, d);
              }
              return m;
            }).to(dt), x.min(axes, keep));
          }
        }
      }
    }
  }

  @Test
  void wholeTensorReductionsGiveScalars() {
    Tensor x = Tensor.of(new double[] {1, -2, 3, 8}, 2, 2);
    assertEquals(0, x.sum().rank());
    assertEquals(10.0, x.sum().item());
    assertEquals(2.5, x.mean().item());
    assertEquals(8.0, x.maxValue());
    assertEquals(-2.0, x.minValue());
    assertEquals(0.0, Tensor.zeros(DType.F32, 0, 3).sum().item());
    assertTrue(Double.isNaN(Tensor.zeros(DType.F32, 0).mean().item()));
  }

  @Test
  void varianceUsesTheCorrection() {
    Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 4);
    assertEquals(1.25, x.variance(new int[] {0}, false, 0).item(), 1e-15);
    assertEquals(5.0 / 3, x.variance(new int[] {0}, false, 1).item(), 1e-15);
    assertEquals(Double.POSITIVE_INFINITY,
        Tensor.of(new double[] {1, 2}, 2).variance(new int[] {0}, false, 2).item());
    assertThrows(IllegalArgumentException.class, () -> x.variance(new int[] {0}, false, -1));
  }

  @Test
  void maxAndMinPropagateNaN() {
    Tensor x = Tensor.of(new double[] {1, Double.NaN, 3, 4, 5, 6}, 2, 3);
    assertArrayEquals(new double[] {Double.NaN, 6}, x.max(new int[] {1}, false).toDoubleArray());
    assertArrayEquals(new double[] {Double.NaN, 4}, x.min(new int[] {1}, false).toDoubleArray());
    assertTrue(Double.isNaN(x.maxValue()));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void argmaxTakesTheFirstMaximum(DType dt) {
    Tensor x = Tensor.of(new double[] {1, 5, 5, 2, 7, 0, 7, 7}, 2, 4).to(dt);
    assertArrayEquals(new int[] {1, 0}, x.argmax(1));
    assertArrayEquals(new int[] {1, 0, 1, 1}, x.argmax(0));
    assertArrayEquals(new int[] {1, 0}, x.argmax(-1));
    Tensor withNaN = Tensor.of(new double[] {1, Double.NaN, 9, Double.NaN}, 4).to(dt);
    assertArrayEquals(new int[] {1}, withNaN.argmax(0));
    Tensor x3 = randn(dt, 5, 3, 4, 2);
    int[] am = x3.argmax(1);
    assertEquals(6, am.length);
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < 2; k++) {
        int best = 0;
        for (int j = 1; j < 4; j++) {
          best = x3.get(i, j, k) > x3.get(i, best, k) ? j : best;
        }
        assertEquals(best, am[i * 2 + k]);
      }
    }
  }

  @Test
  void badAxesAndEmptyExtremesAreRejected() {
    Tensor x = Tensor.zeros(DType.F64, 2, 3);
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> x.sum(new int[] {2}, false)), "sum", "axis 2", "[2, 3]");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> x.mean(new int[] {1, -1}, false)), "mean", "twice");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Tensor.zeros(DType.F32, 2, 0).max(new int[] {1}, false)), "max", "[2, 0]");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Tensor.zeros(DType.F32, 0, 3).argmax(0)), "argmax", "[0, 3]");
  }
}
