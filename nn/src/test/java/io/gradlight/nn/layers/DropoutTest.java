package io.gradlight.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Autograd;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DropoutTest {
  private static final int N = 10_000;

  @Test
  void trainingZeroesAboutPAndScalesTheRestByOneOverOneMinusP() {
    Dropout d = new Dropout(0.3, 42);
    double[] y = d.forward(Variable.constant(Tensor.ones(DType.F64, N))).value().f64();
    long zeros = Arrays.stream(y).filter(v -> v == 0).count();
    assertTrue(Arrays.stream(y).allMatch(v -> v == 0 || v == 1 / 0.7), "values");
    assertEquals(0.3, zeros / (double) N, 0.02);
  }

  @Test
  void theSameSeedGivesTheSameMasksAndSuccessiveCallsDiffer() {
    Tensor x = Tensor.ones(DType.F32, 100);
    Dropout a = new Dropout(0.5, 7);
    Dropout b = new Dropout(0.5, 7);
    float[] first = a.forward(Variable.constant(x)).value().f32();
    assertArrayEquals(first, b.forward(Variable.constant(x)).value().f32());
    assertFalse(Arrays.equals(first, a.forward(Variable.constant(x)).value().f32()));
  }

  @Test
  void theGradientIsTheMask() {
    Dropout d = new Dropout(0.5, 3);
    Variable x = Variable.leaf(Tensor.full(DType.F64, Tensor.ones(DType.F64, 50).shape(), 2));
    Variable y = d.forward(x);
    Tensor g = Autograd.grad(y.sum(), x).value();
    assertTrue(g.allClose(y.value().div(2), 0, 0));
  }

  @Test
  void evaluationIsTheIdentity() {
    Dropout d = new Dropout(0.9, 1);
    d.eval();
    Variable x = Variable.constant(Tensor.ones(DType.F32, 10));
    assertSame(x, d.forward(x));
    assertThrows(IllegalArgumentException.class, () -> new Dropout(1, 0));
  }
}
