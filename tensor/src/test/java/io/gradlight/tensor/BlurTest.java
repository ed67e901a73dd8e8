package io.gradlight.tensor;

import static io.gradlight.tensor.TestTensors.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlurTest {

  /**
   * torchvision builds the kernel in float32 even for float64 images, so its F64 results carry
   * float32 kernel rounding: both dtypes compare with F32 tolerances.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 3, 5, 7})
  void matchesTorchvision(int kernelSize) {
    FixtureFile f = FixtureFile.load("blur_k" + kernelSize);
    for (DType dt : DType.values()) {
      Tensor y = Blur.gaussian(f.tensor("x").to(dt), f.intParam("kernelSize"), f.param("sigma"));
      Tolerances.assertClose(f.tensor("y"), y, kernelSize * kernelSize, DType.F32);
    }
  }

  @Test
  void kernelIsNormalisedSymmetricAndPeaked() {
    double[] g = Blur.kernel1d(5, 1.3);
    double sum = 0;
    for (double v : g) {
      sum += v;
    }
    assertEquals(1.0, sum, 1e-15);
    assertEquals(g[0], g[4], 0.0);
    assertEquals(g[1], g[3], 0.0);
    assertEquals(Math.exp(-0.5 / (1.3 * 1.3)), g[1] / g[2], 1e-15);
  }

  @Test
  void constantImagesStayConstant() {
    Tensor x = Tensor.full(DType.F64, Shape.of(1, 2, 6, 5), 0.7);
    Tolerances.assertClose(x, Blur.gaussian(x, 5, 2.0), 25);
  }

  @Test
  void badArgumentsAreNamed() {
    Tensor x = Tensor.zeros(DType.F32, 1, 1, 3, 8);
    assertMessage(assertThrows(IllegalArgumentException.class, () -> Blur.gaussian(x, 4, 1)),
        "gaussian", "odd", "4");
    assertMessage(assertThrows(IllegalArgumentException.class, () -> Blur.gaussian(x, 3, 0)),
        "gaussian", "sigma", "0");
    assertMessage(assertThrows(IllegalArgumentException.class, () -> Blur.gaussian(x, 7, 1)),
        "gaussian", "3x8");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Blur.gaussian(x.reshape(3, 8), 3, 1)), "gaussian", "[3, 8]");
  }
}
