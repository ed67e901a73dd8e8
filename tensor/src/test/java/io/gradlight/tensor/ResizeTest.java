package io.gradlight.tensor;

import static io.gradlight.tensor.TestTensors.assertMessage;
import static io.gradlight.tensor.TestTensors.randn;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
