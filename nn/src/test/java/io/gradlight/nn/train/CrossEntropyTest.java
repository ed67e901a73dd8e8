package io.gradlight.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Variable;
import io.gradlight.autograd.check.GradCheck;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CrossEntropyTest {
  private static final double TIGHT = 1e-12;

  @Test
  void meanOfNegativeLogSoftmaxAtTheLabels() {
    Variable logits = Variable.leaf(Tensor.of(new double[] {1, 2, 3, 1, 1, 1}, 2, 3));
    double row0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3;
    double row1 = Math.log(3);
    assertEquals((row0 + row1) / 2, CrossEntropy.mean(logits, new int[] {2, 0}).value().item(),
        TIGHT);
  }

  @Test
  void gradientIsSoftmaxMinusOneHotOverN() {
    double[] z = {0.3, -1.2, 2.0, 0.7, 0.1, -0.4, 1.5, -2.0};
    int[] labels = {1, 3};
    Variable logits = Variable.leaf(Tensor.of(z, 2, 4));
    CrossEntropy.mean(logits, labels).backward();
    double[] grad = logits.grad().value().toDoubleArray();
    for (int i = 0; i < 2; i++) {
      double total = 0;
      for (int k = 0; k < 4; k++) {
        total += Math.exp(z[i * 4 + k]);
      }
      for (int k = 0; k < 4; k++) {
        double softmax = Math.exp(z[i * 4 + k]) / total;
        double expected = (softmax - (k == labels[i] ? 1 : 0)) / 2;
        assertEquals(expected, grad[i * 4 + k], TIGHT, "row " + i + " class " + k);
      }
    }
  }

  @Test
  void passesGradCheck() {
    Tensor z = Tensor.normal(DType.F64, Shape.of(3, 5), 0, 2, new SplittableRandom(7));
    GradCheck.assertPasses(xs -> CrossEntropy.mean(xs[0], new int[] {4, 0, 2}), z);
  }

  @Test
  void stableForHugeLogits() {
    Variable logits = Variable.constant(Tensor.of(new float[] {1000f, 0f, -1000f}, 1, 3));
    assertEquals(1000.0, CrossEntropy.mean(logits, new int[] {1}).value().item(), 1e-3);
    assertEquals(0.0, CrossEntropy.mean(logits, new int[] {0}).value().item(), 1e-6);
  }

  @Test
  void keepsTheDtype() {
    Variable logits = Variable.constant(Tensor.zeros(DType.F32, 2, 3));
    Variable loss = CrossEntropy.mean(logits, new int[] {0, 1});
    assertEquals(DType.F32, loss.dtype());
    assertEquals(Math.log(3), loss.value().item(), 1e-6);
  }

  @Test
  void rejectsBadLabelsAndShapes() {
    Variable logits = Variable.constant(Tensor.zeros(DType.F64, 2, 3));
    var outOfRange = assertThrows(IllegalArgumentException.class,
        () -> CrossEntropy.mean(logits, new int[] {0, 3}));
    assertTrue(outOfRange.getMessage().contains("label 3"), outOfRange.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CrossEntropy.mean(logits, new int[] {0}));
    assertThrows(IllegalArgumentException.class,
        () -> CrossEntropy.mean(Variable.constant(Tensor.zeros(DType.F64, 6)), new int[] {0}));
  }
}
