package io.gradlight.autograd;

import static io.gradlight.autograd.TestTensors.distinct;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VariableTest {

  @Test
  void backwardAccumulatesIntoLeafGrads() {
    Variable x = Variable.leaf(Tensor.of(new double[] {1, 2}, 2));
    Variable c = Variable.constant(Tensor.of(new double[] {3, 4}, 2));
    Variable y = x.mul(c).sum();
    y.backward(null, true, false);
    assertArrayEquals(new double[] {3, 4}, x.grad().value().toDoubleArray(), 0);
    y.backward();
    assertArrayEquals(new double[] {6, 8}, x.grad().value().toDoubleArray(), 0);
    assertNull(c.grad());
    x.zeroGrad();
    assertNull(x.grad());
  }

  @Test
  void backwardWithASeed() {
    Variable x = Variable.leaf(Tensor.of(new double[] {1, 2}, 2));
    x.square().backward(Tensor.of(new double[] {10, 100}, 2));
    assertArrayEquals(new double[] {20, 400}, x.grad().value().toDoubleArray(), 0);
  }

  @Test
  void backwardWithCreateGraphGivesDifferentiableGrads() {
    Variable x = Variable.leaf(Tensor.scalar(DType.F64, 0.3));
    x.exp().mul(x).backward(null, false, true); // d/dx (x e^x) = (1 + x) e^x
    Variable g = x.grad();
    assertTrue(g.requiresGrad());
    Variable h = Autograd.grad(g, x); // (2 + x) e^x
    assertEquals(2.3 * Math.exp(0.3), h.value().item(), 1e-15);
  }

  @Test
  void leavesAndOutputs() {
    Variable x = Variable.leaf(distinct(1, 3));
    Variable y = x.exp();
    assertTrue(x.isLeaf() && x.requiresGrad());
    assertFalse(y.isLeaf());
    assertEquals("Exp", y.gradFn().name());
    assertTrue(y.toString().contains("Exp#"), y.toString());
    Variable c = Variable.constant(distinct(2, 3));
    assertFalse(c.exp().requiresGrad());
    assertTrue(Variable.of(distinct(3, 3), true).requiresGrad());
  }

  @Test
  void detachStopsTheGradient() {
    Variable x = Variable.leaf(Tensor.scalar(DType.F64, 2));
    Variable y = x.mul(x.detach()); // d/dx = x (the detached factor is a constant)
    assertEquals(2.0, Autograd.grad(y, x).value().item(), 0);
    assertFalse(x.detach().requiresGrad());
    assertSame(x.value(), x.detach().value());
  }

  @Test
  @SuppressWarnings("try")
  void hooksObserveAndReplaceGradients() {
    Variable x = Variable.leaf(Tensor.of(new double[] {1, 2, 3}, 3));
    Variable h = x.mul(2);
    Variable y = h.sum();
    Autograd.Options retain = Autograd.Options.DEFAULT.withRetainGraph(true);
    List<double[]> seen = new ArrayList<>();
    try (Scope observe = h.registerHook(g -> {
          seen.add(g.value().toDoubleArray());
          return g;
        });
        Scope triple = h.registerHook(g -> g.mul(3))) {
      Variable gx = Autograd.grad(List.of(y), List.of(x), null, retain).get(0);
      assertArrayEquals(new double[] {1, 1, 1}, seen.get(0), 0);
      assertArrayEquals(new double[] {6, 6, 6}, gx.value().toDoubleArray(), 0);
    }
    Variable gx = Autograd.grad(List.of(y), List.of(x), null, retain).get(0); // hooks removed
    assertArrayEquals(new double[] {2, 2, 2}, gx.value().toDoubleArray(), 0);
    assertEquals(1, seen.size());
  }

  @Test
  @SuppressWarnings("try")
  void aHookOnALeafSeesItsGradientAndTheCapturedGradientIsTheReplacement() {
    Variable x = Variable.leaf(Tensor.of(new double[] {1, 2}, 2));
    try (Scope s = x.registerHook(g -> g.neg())) {
      assertArrayEquals(new double[] {-2, -4},
          Autograd.grad(x.square().sum(), x).value().toDoubleArray(), 0);
      x.square().sum().backward();
      assertArrayEquals(new double[] {-2, -4}, x.grad().value().toDoubleArray(), 0);
    }
  }

  @Test
  @SuppressWarnings("try")
  void aHookReturningTheWrongShapeIsAnError() {
    Variable x = Variable.leaf(distinct(4, 2, 3));
    try (Scope s = x.registerHook(g -> g.sum())) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> Autograd.grad(x.exp().sum(), x));
      assertTrue(e.getMessage().contains("hook") && e.getMessage().contains("[2, 3]"),
          e.getMessage());
    }
  }

  @Test
  void hooksNeedAVariableThatRequiresGrad() {
    Variable c = Variable.constant(distinct(5, 2));
    assertThrows(IllegalStateException.class, () -> c.registerHook(g -> g));
  }

  @Test
  void valueHelpersMatchTheTensor() {
    Variable x = Variable.leaf(distinct(6, 2, 3));
    assertEquals(Shape.of(2, 3), x.shape());
    assertEquals(6, x.size());
    assertEquals(2, x.rank());
    assertEquals(DType.F64, x.dtype());
    assertEquals(Shape.of(3, 2), x.transpose(0, 1).shape());
    assertEquals(Shape.of(2, 1, 3), x.unsqueeze(1).shape());
    assertEquals(Shape.of(2, 3), x.unsqueeze(1).squeeze(1).shape());
  }

  @Test
  void matmulWithVectorsFollowsNumPy() {
    Variable m = Variable.leaf(distinct(7, 3, 4));
    Variable v = Variable.leaf(distinct(8, 4));
    Variable u = Variable.leaf(distinct(9, 3));
    assertEquals(Shape.of(3), m.matmul(v).shape());
    assertEquals(Shape.of(4), u.matmul(m).shape());
    assertEquals(Shape.scalar(), v.matmul(v).shape());
    assertTrue(m.matmul(v).value().allClose(m.value().matmul(v.value()), 1e-15, 0));
    assertTrue(u.matmul(m).value().allClose(u.value().matmul(m.value()), 1e-15, 0));
  }
}
