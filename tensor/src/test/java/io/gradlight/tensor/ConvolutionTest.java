package io.gradlight.tensor;

import static io.gradlight.tensor.TestTensors.assertMessage;
import static io.gradlight.tensor.TestTensors.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlight.tensor.kernels.ConvGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConvolutionTest {

  /** The definition, term by term, in double. */
  private static Tensor naive(Tensor x, Tensor w, Tensor bias, int[] s, int[] p, int[] d) {
    ConvGeometry g = Convolution.geometry(x.shape(), w.shape(), s, p, d);
    Tensor y = Tensor.zeros(DType.F64, g.n(), g.cOut(), g.outH(), g.outW());
    for (int n = 0; n < g.n(); n++) {
      for (int o = 0; o < g.cOut(); o++) {
        for (int i = 0; i < g.outH(); i++) {
          for (int j = 0; j < g.outW(); j++) {
            double acc = bias == null ? 0 : bias.get(o);
            for (int c = 0; c < g.cIn(); c++) {
              for (int a = 0; a < g.kh(); a++) {
                for (int b = 0; b < g.kw(); b++) {
                  int r = i * s[0] - p[0] + a * d[0];
                  int q = j * s[1] - p[1] + b * d[1];
                  if (r >= 0 && r < g.h() && q >= 0 && q < g.w()) {
                    acc += x.get(n, c, r, q) * w.get(o, c, a, b);
                  }
                }
              }
            }
            y.setFlat(((n * g.cOut() + o) * g.outH() + i) * g.outW() + j, acc);
          }
        }
      }
    }
    return y;
  }

  private static final int[][][] CONFIGS = {
    // {x dims}, {w dims}, stride, padding, dilation
    {{2, 3, 5, 6}, {4, 3, 3, 3}, {1, 1}, {1, 1}, {1, 1}},
    {{1, 2, 7, 5}, {3, 2, 3, 2}, {2, 1}, {0, 1}, {1, 2}},
    {{3, 1, 4, 4}, {2, 1, 1, 1}, {1, 1}, {0, 0}, {1, 1}},
    {{1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1}, {0, 0}, {1, 1}},
    {{2, 2, 6, 7}, {2, 2, 2, 3}, {3, 2}, {2, 1}, {2, 1}},
  };

  @ParameterizedTest
  @EnumSource(DType.class)
  void forwardMatchesTheDefinition(DType dt) {
    long seed = 1;
    for (int[][] c : CONFIGS) {
      Tensor x = randn(dt, seed++, c[0]);
      Tensor w = randn(dt, seed++, c[1]);
      Tensor bias = randn(dt, seed++, c[1][0]);
      int length = c[1][1] * c[1][2] * c[1][3];
      Tolerances.assertClose(naive(x, w, bias, c[2], c[3], c[4]),
          Convolution.conv2d(x, w, bias, c[2], c[3], c[4]), length);
      Tolerances.assertClose(naive(x, w, null, c[2], c[3], c[4]),
          Convolution.conv2d(x, w, null, c[2], c[3], c[4]), length);
    }
  }

  @Test
  void backwardsAreTheAdjointsOfTheForward() {
    long seed = 50;
    for (int[][] c : CONFIGS) {
      Tensor x = randn(DType.F64, seed++, c[0]);
      Tensor w = randn(DType.F64, seed++, c[1]);
      Tensor y = Convolution.conv2d(x, w, null, c[2], c[3], c[4]);
      Tensor gy = randn(DType.F64, seed++, y.shape().dims());
      Tensor gx = Convolution.backwardInput(gy, w, x.shape(), c[2], c[3], c[4]);
      Tensor gw = Convolution.backwardWeight(x, gy, w.shape(), c[2], c[3], c[4]);
      Tolerances.assertAdjoint(gy, y, gx, x);
      Tolerances.assertAdjoint(gy, y, gw, w);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"conv_plain", "conv_strided", "conv_dilated"})
  void matchesPyTorch(String fixture) {
    FixtureFile f = FixtureFile.load(fixture);
    int[] s = f.pair("stride");
    int[] p = f.pair("pad");
    int[] d = f.pair("dil");
    for (DType dt : DType.values()) {
      Tensor x = f.tensor("x").to(dt);
      Tensor w = f.tensor("w").to(dt);
      Tensor gy = f.tensor("gy").to(dt);
      int length = w.size() / w.dim(0);
      Tolerances.assertClose(
          f.tensor("y"), Convolution.conv2d(x, w, f.tensor("bias").to(dt), s, p, d), length);
      Tolerances.assertClose(f.tensor("gx"),
          Convolution.backwardInput(gy, w, x.shape(), s, p, d), length * w.dim(0));
      Tolerances.assertClose(f.tensor("gw"),
          Convolution.backwardWeight(x, gy, w.shape(), s, p, d), gy.size() / gy.dim(1));
    }
  }

  @Test
  void emptyBatchGivesEmptyOutputsAndZeroWeightGradient() {
    int[] one = {1, 1};
    Tensor x = Tensor.zeros(DType.F32, 0, 2, 4, 4);
    Tensor w = Tensor.ones(DType.F32, 3, 2, 3, 3);
    Tensor y = Convolution.conv2d(x, w, null, one, new int[] {0, 0}, one);
    assertEquals(Shape.of(0, 3, 2, 2), y.shape());
    Tolerances.assertSameValues(w.zerosLike(),
        Convolution.backwardWeight(x, y, w.shape(), one, new int[] {0, 0}, one));
  }

  @Test
  void badArgumentsAreNamed() {
    int[] one = {1, 1};
    int[] zero = {0, 0};
    Tensor x = Tensor.zeros(DType.F32, 1, 3, 5, 5);
    Tensor w = Tensor.zeros(DType.F32, 8, 4, 3, 3);
    var e = assertThrows(IllegalArgumentException.class,
        () -> Convolution.conv2d(x, w, null, one, zero, one));
    assertEquals("conv2d: input has 3 channels but weight [8, 4, 3, 3] expects 4", e.getMessage());
    Tensor w3 = Tensor.zeros(DType.F32, 8, 3, 3, 3);
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Convolution.conv2d(x, w3, Tensor.zeros(DType.F32, 4), one, zero, one)),
        "conv2d", "bias [4]", "[8]");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Convolution.conv2d(x, w3, null, new int[] {1}, zero, one)), "conv2d", "stride");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Convolution.conv2d(x.reshape(3, 5, 5), w3, null, one, zero, one)),
        "conv2d", "[3, 5, 5]");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Convolution.conv2d(x, w3.to(DType.F64), null, one, zero, one)),
        "conv2d", "F32", "F64");
    assertThrows(IllegalArgumentException.class,
        () -> Convolution.conv2d(x, Tensor.zeros(DType.F32, 8, 3, 7, 7), null, one, zero, one));
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Convolution.backwardInput(Tensor.zeros(DType.F32, 1, 8, 2, 2), w3, x.shape(), one,
            zero, one)), "conv2d backwardInput", "[1, 8, 2, 2]", "[1, 8, 3, 3]");
  }
}
