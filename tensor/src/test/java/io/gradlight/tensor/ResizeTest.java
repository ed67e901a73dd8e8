package io.gradlight.tensor;

import static io.gradlight.tensor.TestTensors.assertMessage;
import static io.gradlight.tensor.TestTensors.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResizeTest {

  @ParameterizedTest
  @ValueSource(strings = {"up", "down", "same", "one", "mixed", "big"})
  void matchesPyTorchInBothConventions(String tag) {
    for (String align : new String[] {"false", "true"}) {
      FixtureFile f = FixtureFile.load("resize_" + tag + "_align_" + align);
      for (DType dt : DType.values()) {
        Tensor y = Resize.bilinear(f.tensor("x").to(dt), f.intParam("outH"), f.intParam("outW"),
            f.intParam("alignCorners") == 1);
        Tolerances.assertClose(f.tensor("y"), y, 4);
      }
    }
  }

  /** The separable pass gives the bits of the per-pixel formula of the class comment. */
  @Test
  void separablePassGivesTheBitsOfThePerPixelFormula() {
    int[][] sizes = {{7, 7, 224, 224}, {5, 3, 4, 9}, {6, 6, 1, 1}, {1, 4, 3, 8}, {9, 8, 4, 5}};
    long seed = 30;
    for (int[] s : sizes) {
      for (boolean align : new boolean[] {false, true}) {
        for (DType dt : DType.values()) {
          Tensor x = randn(dt, seed++, 2, 3, s[0], s[1]);
          Tensor want = perPixel(x, s[2], s[3], align);
          Tensor got = Resize.bilinear(x, s[2], s[3], align);
          assertArrayEquals(want.toDoubleArray(),
              got.toDoubleArray(), Arrays.toString(s) + " " + align + " " + dt);
        }
      }
    }
  }

  /** y[i][j] = l0h (l0w x[i0h][i0w] + l1w x[i0h][i1w]) + l1h (l0w x[i1h][i0w] + l1w x[i1h][i1w]). */
  private static Tensor perPixel(Tensor x, int outH, int outW, boolean align) {
    int planes = x.dim(0) * x.dim(1);
    int h = x.dim(2);
    int w = x.dim(3);
    double[] v = x.toDoubleArray();
    double[] y = new double[planes * outH * outW];
    for (int p = 0; p < planes; p++) {
      for (int i = 0; i < outH; i++) {
        double[] row = source(i, h, outH, align);
        for (int j = 0; j < outW; j++) {
          double[] col = source(j, w, outW, align);
          int r0 = p * h * w + (int) row[0] * w;
          int r1 = p * h * w + (int) row[1] * w;
          double top = col[2] * v[r0 + (int) col[0]] + col[3] * v[r0 + (int) col[1]];
          double bottom = col[2] * v[r1 + (int) col[0]] + col[3] * v[r1 + (int) col[1]];
          y[(p * outH + i) * outW + j] = row[2] * top + row[3] * bottom;
        }
      }
    }
    return Tensor.fromDoubles(x.dtype(), Shape.of(x.dim(0), x.dim(1), outH, outW), y);
  }

  /** {i0, i1, l0, l1} of output index d along an axis from {@code in} to {@code out}. */
  private static double[] source(int d, int in, int out, boolean align) {
    double scale = align ? (out > 1 ? (in - 1.0) / (out - 1.0) : 0.0) : (double) in / out;
    double s = align ? d * scale : Math.max(0.0, (d + 0.5) * scale - 0.5);
    int i0 = Math.min((int) s, in - 1);
    double l1 = Math.min(Math.max(s - i0, 0.0), 1.0);
    return new double[] {i0, Math.min(i0 + 1, in - 1), 1.0 - l1, l1};
  }

  @Test
  void sameSizeWithoutAlignCornersIsTheIdentity() {
    Tensor x = randn(DType.F64, 1, 2, 3, 4, 5);
    Tolerances.assertSameValues(x, Resize.bilinear(x, 4, 5, false));
    Tolerances.assertSameValues(x, Resize.bilinear(x, 4, 5, true));
  }

  @Test
  void backwardIsTheExactAdjoint() {
    int[][] sizes = {{4, 5, 7, 9}, {6, 6, 3, 2}, {1, 1, 4, 3}, {5, 3, 1, 1}, {3, 7, 8, 2}};
    long seed = 10;
    for (int[] s : sizes) {
      for (boolean align : new boolean[] {false, true}) {
        Tensor x = randn(DType.F64, seed++, 2, 3, s[0], s[1]);
        Tensor gy = randn(DType.F64, seed++, 2, 3, s[2], s[3]);
        Tolerances.assertAdjoint(gy, Resize.bilinear(x, s[2], s[3], align),
            Resize.bilinearBackward(gy, x.shape(), align), x);
      }
    }
  }

  @Test
  void badSizesAreNamed() {
    Tensor x = Tensor.zeros(DType.F32, 1, 1, 4, 4);
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Resize.bilinear(x, 0, 3, false)), "bilinear", "0x3");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Resize.bilinear(x.reshape(4, 4), 2, 2, false)), "bilinear", "[4, 4]");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Resize.bilinearBackward(Tensor.zeros(DType.F32, 1, 2, 3, 3), x.shape(), true)),
        "bilinearBackward", "[1, 2, 3, 3]", "[1, 1, 4, 4]");
  }
}
