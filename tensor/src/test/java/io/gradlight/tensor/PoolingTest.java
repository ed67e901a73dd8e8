package io.gradlight.tensor;

import static io.gradlight.tensor.TestTensors.assertMessage;
import static io.gradlight.tensor.TestTensors.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PoolingTest {

  @ParameterizedTest
  @ValueSource(strings = {"pool_padded", "pool_overlap"})
  void matchesPyTorch(String fixture) {
    FixtureFile f = FixtureFile.load(fixture);
    int[] k = f.pair("kernel");
    int[] s = f.pair("stride");
    int[] p = f.pair("pad");
    int[] expectedArgmax =
        Arrays.stream(f.tensor("argmax").toDoubleArray()).mapToInt(v -> (int) v).toArray();
    for (DType dt : DType.values()) {
      Tensor x = f.tensor("x").to(dt);
      Pooling.MaxPoolResult max = Pooling.maxPool2d(x, k, s, p);
      Tolerances.assertSameValues(f.tensor("max").to(dt), max.values());
      assertArrayEquals(expectedArgmax, max.argmax());
      Tolerances.assertClose(f.tensor("avg"), Pooling.avgPool2d(x, k, s, p), k[0] * k[1]);
    }
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void maxPoolBackwardScattersToTheArgmax(DType dt) {
    Tensor x = randn(dt, 3, 2, 3, 5, 6);
    int[] k = {2, 3};
    int[] s = {1, 2};
    int[] p = {1, 1};
    Pooling.MaxPoolResult r = Pooling.maxPool2d(x, k, s, p);
    Tensor gy = randn(dt, 4, r.values().shape().dims());
    Tensor gx = Pooling.maxPool2dBackward(gy, r.argmax(), x.shape(), k, s, p);
    double[] expected = new double[x.size()];
    int planeOut = r.values().dim(2) * r.values().dim(3);
    for (int o = 0; o < gy.size(); o++) {
      int plane = o / planeOut;
      expected[plane * 30 + r.argmax()[o]] += gy.getFlat(o);
      assertEquals(r.values().getFlat(o), x.getFlat(plane * 30 + r.argmax()[o]));
    }
    Tolerances.assertClose(Tensor.of(expected, x.shape().dims()), gx, 6);
  }

  @Test
  void gatherArgmaxIsTheAdjointOfTheScatter() {
    Tensor x = randn(DType.F64, 5, 2, 2, 7, 5);
    int[] k = {3, 3};
    int[] s = {2, 1};
    int[] p = {1, 0};
    Pooling.MaxPoolResult r = Pooling.maxPool2d(x, k, s, p);
    Tensor gy = randn(DType.F64, 6, r.values().shape().dims());
    Tensor ggx = randn(DType.F64, 7, x.shape().dims());
    Tensor gx = Pooling.maxPool2dBackward(gy, r.argmax(), x.shape(), k, s, p);
    Tensor gathered = Pooling.gatherArgmax(ggx, r.argmax(), r.values().shape());
    Tolerances.assertAdjoint(gx, ggx, gy, gathered);
    Tolerances.assertSameValues(
        r.values(), Pooling.gatherArgmax(x, r.argmax(), r.values().shape()));
  }

  @Test
  void avgPoolBackwardIsTheAdjoint() {
    Tensor x = randn(DType.F64, 8, 2, 3, 6, 7);
    int[] k = {2, 3};
    int[] s = {2, 2};
    int[] p = {1, 1};
    Tensor y = Pooling.avgPool2d(x, k, s, p);
    Tensor gy = randn(DType.F64, 9, y.shape().dims());
    Tolerances.assertAdjoint(gy, y, Pooling.avgPool2dBackward(gy, x.shape(), k, s, p), x);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void globalAvgPoolAveragesEachPlaneAndSpreadsBack(DType dt) {
    Tensor x = randn(dt, 10, 2, 3, 4, 5);
    Tensor y = Pooling.globalAvgPool(x);
    Tolerances.assertClose(x.to(DType.F64).mean(new int[] {2, 3}, false), y, 20);
    Tensor gy = randn(dt, 11, 2, 3);
    Tensor gx = Pooling.globalAvgPoolBackward(gy, x.shape());
    Tolerances.assertClose(gy.to(DType.F64).div(20).reshape(2, 3, 1, 1).broadcastTo(x.shape()),
        gx, 1);
    if (dt == DType.F64) {
      Tolerances.assertAdjoint(gy, y, gx, x);
    }
    assertEquals(Shape.of(0, 3), Pooling.globalAvgPool(Tensor.zeros(dt, 0, 3, 2, 2)).shape());
  }

  @Test
  void badArgumentsAreNamed() {
    Tensor x = Tensor.zeros(DType.F32, 1, 1, 4, 4);
    int[] two = {2, 2};
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Pooling.maxPool2d(x.reshape(4, 4), two, two, new int[] {0, 0})),
        "maxPool2d", "[4, 4]");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Pooling.avgPool2d(x, two, two, new int[] {2, 0})), "avgPool2d", "padding");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Pooling.maxPool2d(x, new int[] {2}, two, two)), "maxPool2d", "kernel");
    Pooling.MaxPoolResult r = Pooling.maxPool2d(x, two, two, new int[] {0, 0});
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Pooling.maxPool2dBackward(Tensor.zeros(DType.F32, 1, 1, 3, 3), r.argmax(),
            x.shape(), two, two, new int[] {0, 0})), "maxPool2dBackward", "[1, 1, 3, 3]");
    int[] bad = r.argmax().clone();
    bad[0] = 16;
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Pooling.gatherArgmax(x, bad, r.values().shape())), "gatherArgmax", "16");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Pooling.globalAvgPoolBackward(Tensor.zeros(DType.F32, 2, 1), x.shape())),
        "globalAvgPoolBackward", "[2, 1]");
  }
}
