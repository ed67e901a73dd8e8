package io.gradlight.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlight.autograd.Variable;
import io.gradlight.autograd.check.GradCheck;
import io.gradlight.autograd.check.GradGradCheck;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdaptiveAvgPool2dTest {

  @Test
  void windowsForTwoInputsAndSevenOutputsFollowPyTorchsFormula() {
    // start = floor(i * 2 / 7), end = ceil((i + 1) * 2 / 7), worked out by hand.
    int[] starts = {0, 0, 0, 0, 1, 1, 1};
    int[] ends = {1, 1, 1, 2, 2, 2, 2};
    for (int i = 0; i < 7; i++) {
      assertEquals(starts[i], AdaptiveAvgPool2d.start(i, 2, 7), "start " + i);
      assertEquals(ends[i], AdaptiveAvgPool2d.end(i, 2, 7), "end " + i);
    }
  }

  @ParameterizedTest
  @CsvSource({"2, 2, 7, 7", "5, 7, 3, 2", "6, 4, 1, 1", "4, 9, 2, 3", "3, 3, 5, 4", "7, 5, 7, 5"})
  void matchesTheWindowMeansOfTheFormula(int h, int w, int outH, int outW) {
    Tensor x = Tensor.normal(DType.F64, Shape.of(2, 3, h, w), 0, 1, new SplittableRandom(h * w));
    Tensor y = new AdaptiveAvgPool2d(outH, outW).forward(Variable.constant(x)).value();
    assertEquals(Shape.of(2, 3, outH, outW), y.shape());
    for (int n = 0; n < 2; n++) {
      for (int c = 0; c < 3; c++) {
        for (int i = 0; i < outH; i++) {
          for (int j = 0; j < outW; j++) {
            assertEquals(windowMean(x, n, c, i, j, outH, outW), y.get(n, c, i, j), 1e-14);
          }
        }
      }
    }
  }

  @Test
  void isDifferentiableTwice() {
    Tensor x = Tensor.normal(DType.F64, Shape.of(1, 2, 2, 5), 0, 1, new SplittableRandom(9));
    AdaptiveAvgPool2d pool = new AdaptiveAvgPool2d(7, 3);
    Tensor mix = Tensor.normal(DType.F64, Shape.of(1, 2, 7, 3), 0, 1, new SplittableRandom(10));
    GradCheck.assertPasses(v -> pool.forward(v[0]).mul(Variable.constant(mix)), x);
    GradGradCheck.assertPasses(v -> pool.forward(v[0]).mul(Variable.constant(mix)).square(), x);
  }

  private static double windowMean(Tensor x, int n, int c, int i, int j, int outH, int outW) {
    int h = x.dim(2);
    int w = x.dim(3);
    int r0 = (int) Math.floor((double) i * h / outH);
    int r1 = (int) Math.ceil((double) (i + 1) * h / outH);
    int c0 = (int) Math.floor((double) j * w / outW);
    int c1 = (int) Math.ceil((double) (j + 1) * w / outW);
    double sum = 0;
    for (int r = r0; r < r1; r++) {
      for (int q = c0; q < c1; q++) {
        sum += x.get(n, c, r, q);
      }
    }
    return sum / ((r1 - r0) * (c1 - c0));
  }
}
