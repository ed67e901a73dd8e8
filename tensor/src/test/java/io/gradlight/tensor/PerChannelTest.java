package io.gradlight.tensor;

import static io.gradlight.tensor.TestTensors.assertMessage;
import static io.gradlight.tensor.TestTensors.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PerChannelTest {

  @ParameterizedTest
  @EnumSource(DType.class)
  void affineIsBitwiseAMultiplyThenAnAdd(DType dt) {
    for (int[] dims : new int[][] {{2, 3, 5, 7}, {4, 3}, {1, 3, 40}, {2, 3, 0, 4}}) {
      Tensor x = randn(dt, dims[0] + 10L * dims.length, dims);
      Tensor scale = randn(dt, 1, 3);
      Tensor shift = randn(dt, 2, 3);
      int[] perChannel = new int[dims.length];
      Arrays.fill(perChannel, 1);
      perChannel[1] = 3;
      Tensor expected = x.mul(scale.reshape(perChannel)).add(shift.reshape(perChannel));
      Tolerances.assertSameValues(expected, PerChannel.affine(x, scale, shift));
    }
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void dotAndMomentsMatchTheirDefinitions(DType dt) {
    for (int[] dims : new int[][] {{2, 3, 5, 7}, {4, 3}, {1, 3, 40}}) {
      Tensor a = randn(dt, 5, dims);
      Tensor b = randn(dt, 6, dims);
      Tensor x = randn(dt, 7, dims).mul(3).add(20); // a mean far from 0
      int[] axes = dims.length == 2 ? new int[] {0} : dims.length == 3
          ? new int[] {0, 2} : new int[] {0, 2, 3};
      int m = a.size() / 3;
      Tolerances.assertClose(a.mul(b).sum(axes, false), PerChannel.dot(a, b), m);
      // the definitions in double, two passes
      Tensor x64 = x.to(DType.F64);
      Tensor mean = x64.mean(axes, true);
      Tensor centred = x64.sub(mean);
      Tensor variance = centred.mul(centred).mean(axes, false);
      Tensor moments = PerChannel.moments(x).to(DType.F64);
      Tolerances.assertClose(mean.reshape(3), moments.slice(0, 0, 1).reshape(3), m, dt);
      Tolerances.assertClose(variance, moments.slice(0, 1, 2).reshape(3), m, dt);
    }
    Tensor empty = Tensor.zeros(dt, 0, 2, 3);
    assertEquals(Shape.of(2, 2), PerChannel.moments(empty).shape());
    assertTrue(Double.isNaN(PerChannel.moments(empty).get(0, 1)));
    assertTrue(Double.isNaN(PerChannel.moments(empty).get(1, 1)));
    assertEquals(0.0, PerChannel.dot(empty, empty).get(0), 0.0);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void affineByHand(DType dt) {
    Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2).to(dt);
    Tensor y = PerChannel.affine(x, Tensor.of(new double[] {2, -1}, 2).to(dt),
        Tensor.of(new double[] {0.5, 10}, 2).to(dt));
    double[] want = {2.5, 4.5, 7, 6, 10.5, 12.5, 3, 2};
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], y.getFlat(i), 0.0, "element " + i);
    }
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void badShapesNameTheProblem(DType dt) {
    Tensor x = randn(dt, 3, 2, 3, 4);
    Tensor three = randn(dt, 4, 3);
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> PerChannel.affine(x, randn(dt, 5, 4), three)), "affine", "[4]", "[3]", "[2, 3, 4]");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> PerChannel.affine(randn(dt, 6, 3), three, three)), "affine", "[3]", "channel");
  }
}
