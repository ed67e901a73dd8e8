package io.gradlight.autograd.check;

import static io.gradlight.autograd.TestTensors.distinct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.VariableFunction;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GradGradCheckTest {

  @Test
  void passesASmoothFunction() {
    GradCheckResult r = GradGradCheck.check(
        x -> x[0].mul(x[1]).sigmoid().mul(x[0]), distinct(1, 2, 3), distinct(2, 2, 3));
    assertTrue(r.passed(), r.report());
  }

  @Test
  void catchesAOnceDifferentiableOpThatGradCheckPasses() {
    Tensor x = distinct(3, 2, 2);
    VariableFunction f = v -> FaultyOps.OnceDifferentiable.apply(v[0]);
    assertTrue(GradCheck.check(f, x).passed());
    GradCheckResult r = GradGradCheck.check(f, x);
    assertFalse(r.passed());
    assertEquals("input 0", r.mismatches().get(0).input());
    assertTrue(r.report().contains("jacobian mismatch at input 0"), r.report());
  }

  @Test
  void checksTheDerivativeWithRespectToTheGradOutputToo() {
    Tensor x = distinct(4, 3);
    VariableFunction f = v -> FaultyOps.Doubling.apply(v[0]);
    assertTrue(GradCheck.check(f, x).passed());
    GradCheckResult r = GradGradCheck.check(f, x);
    assertFalse(r.passed());
    assertEquals(3, r.mismatchCount()); // d(2v)/dv came out as 1 on the diagonal
    assertTrue(r.mismatches().stream().anyMatch(m -> m.input().equals("gradOutput")), r.report());
  }

  @Test
  void thirdOrderByApplyingTheConstructionTwice() {
    VariableFunction f = v -> v[0].tanh().mul(v[0]);
    VariableFunction g = GradGradCheck.firstDerivative(f);
    Tensor x = distinct(5, 3);
    Tensor v1 = distinct(6, 3);
    GradCheckResult r = GradGradCheck.check(g, new Tensor[] {x, v1}, distinct(7, 3));
    assertTrue(r.passed(), r.report());
  }

  @Test
  void assertPassesThrowsWithTheReport() {
    AssertionError e = assertThrows(AssertionError.class, () -> GradGradCheck.assertPasses(
        v -> FaultyOps.OnceDifferentiable.apply(v[0]), distinct(8, 2)));
    assertTrue(e.getMessage().startsWith("gradgradcheck failed"), e.getMessage());
  }

}
