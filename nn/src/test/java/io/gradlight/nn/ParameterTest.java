package io.gradlight.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ParameterTest {

  @Test
  void backwardAccumulatesAndSetStartsAFreshLeaf() {
    Parameter p = new Parameter(Tensor.of(new double[] {1, 2, 3}, 3));
    p.variable().square().sum().backward();
    p.variable().sum().backward();
    assertEquals(3.0, p.grad().get(0));
    assertEquals(7.0, p.grad().get(2));
    Tensor next = Tensor.of(new double[] {0, 0, 1}, 3);
    p.set(next);
    assertSame(next, p.value());
    assertNull(p.grad());
  }

  @Test
  void setRejectsAnotherShapeOrDtype() {
    Parameter p = new Parameter(Tensor.zeros(DType.F32, 2, 3));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> p.set(Tensor.zeros(DType.F32, 3, 2)));
    assertTrue(
        e.getMessage().contains("expected a F32 tensor of shape [2, 3], got F32 [3, 2]"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> p.set(Tensor.zeros(DType.F64, 2, 3)));
  }

  @Test
  void aFrozenParameterIsAConstant() {
    Parameter p = new Parameter(Tensor.ones(DType.F64, 2));
    p.setRequiresGrad(false);
    assertFalse(p.requiresGrad());
    assertFalse(p.variable().requiresGrad());
    p.set(Tensor.zeros(DType.F64, 2));
    assertFalse(p.requiresGrad(), "set keeps the frozen state");
  }
}
