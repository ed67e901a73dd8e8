package io.gradlight.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Variable;
import io.gradlight.autograd.check.GradCheck;
import io.gradlight.autograd.check.GradGradCheck;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchNorm2dTest {
  private static final double EPS = BatchNorm2d.DEFAULT_EPS;

  /** One channel holding 1, 2, 3, 4: mean 2.5, biased variance 1.25, unbiased 5/3. */
  private static final Tensor ONE_TO_FOUR = Tensor.of(new double[] {1, 2, 3, 4}, 1, 1, 2, 2);

  private static BatchNorm2d f64(int channels) {
    BatchNorm2d bn = new BatchNorm2d(channels);
    bn.to(DType.F64);
    return bn;
  }

  @Test
  void trainingNormalisesWithTheBiasedVarianceAndTracksTheUnbiasedOne() {
    BatchNorm2d bn = f64(1);
    bn.weight().set(Tensor.of(new double[] {2}, 1));
    bn.bias().set(Tensor.of(new double[] {0.5}, 1));
    Tensor y = bn.forward(Variable.constant(ONE_TO_FOUR)).value();
    double std = Math.sqrt(1.25 + EPS);
    for (int i = 0; i < 4; i++) {
      assertEquals((i + 1 - 2.5) / std * 2 + 0.5, y.f64()[i], 1e-15);
    }
    assertEquals(0.1 * 2.5, bn.runningMean().value().item(), 1e-15);
    assertEquals(0.9 + 0.1 * 5.0 / 3.0, bn.runningVar().value().item(), 1e-15);
    assertEquals(1, bn.numBatchesTracked().value());
    bn.forward(Variable.constant(ONE_TO_FOUR));
    assertEquals(0.9 * 0.25 + 0.1 * 2.5, bn.runningMean().value().item(), 1e-15);
    assertEquals(2, bn.numBatchesTracked().value());
  }

  @Test
  void statisticsArePerChannelOverBatchAndSpace() {
    BatchNorm2d bn = f64(3);
    Tensor x = Tensor.normal(DType.F64, Shape.of(4, 3, 5, 2), 1, 2, new SplittableRandom(3));
    Tensor y = bn.forward(Variable.constant(x)).value();
    for (int c = 0; c < 3; c++) {
      double sum = 0;
      double sumSq = 0;
      double ySum = 0;
      double ySq = 0;
      int m = 0;
      for (int n = 0; n < 4; n++) {
        for (int i = 0; i < 5; i++) {
          for (int j = 0; j < 2; j++) {
            double v = x.get(n, c, i, j);
            sum += v;
            sumSq += v * v;
            ySum += y.get(n, c, i, j);
            ySq += y.get(n, c, i, j) * y.get(n, c, i, j);
            m++;
          }
        }
      }
      double mean = sum / m;
      double biased = sumSq / m - mean * mean;
      assertEquals(0, ySum / m, 1e-12, "normalised mean of channel " + c);
      assertEquals(biased / (biased + EPS), ySq / m, 1e-9, "normalised variance of channel " + c);
      assertEquals(0.1 * mean, bn.runningMean().value().get(c), 1e-12);
      assertEquals(0.9 + 0.1 * biased * m / (m - 1), bn.runningVar().value().get(c), 1e-12);
    }
  }

  @Test
  void evaluationUsesTheRunningStatistics() {
    BatchNorm2d bn = f64(1);
    bn.runningMean().set(Tensor.of(new double[] {1}, 1));
    bn.runningVar().set(Tensor.of(new double[] {4}, 1));
    bn.weight().set(Tensor.of(new double[] {3}, 1));
    bn.bias().set(Tensor.of(new double[] {-1}, 1));
    bn.eval();
    Tensor y = bn.forward(Variable.constant(ONE_TO_FOUR)).value();
    for (int i = 0; i < 4; i++) {
      assertEquals((i + 1 - 1) / Math.sqrt(4 + EPS) * 3 - 1, y.f64()[i], 1e-15);
    }
    assertEquals(0, bn.numBatchesTracked().value());
  }

  @Test
  void trainingModeIsDifferentiableTwice() {
    BatchNorm2d bn = f64(2);
    bn.weight().set(Tensor.of(new double[] {1.5, -0.5}, 2));
    Tensor x = Tensor.normal(DType.F64, Shape.of(2, 2, 3, 2), 0, 1, new SplittableRandom(5));
    Tensor mix = Tensor.normal(DType.F64, x.shape(), 0, 1, new SplittableRandom(6));
    GradCheck.assertPasses(v -> bn.forward(v[0]).mul(Variable.constant(mix)), x);
    GradGradCheck.assertPasses(v -> bn.forward(v[0]).mul(Variable.constant(mix)), x);
  }

  @Test
  void trainingNeedsMoreThanOneValuePerChannel() {
    BatchNorm2d bn = new BatchNorm2d(2);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> bn.forward(Variable.constant(Tensor.ones(DType.F32, 1, 2, 1, 1))));
    assertTrue(e.getMessage().contains("more than one value per channel"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> bn.forward(Variable.constant(Tensor.ones(DType.F32, 2, 3, 2, 2))));
  }

  @Test
  void describesItselfAsPyTorchDoes() {
    assertEquals(
        "BatchNorm2d(64, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
        new BatchNorm2d(64).toString());
  }
}
