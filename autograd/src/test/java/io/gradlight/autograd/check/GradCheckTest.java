package io.gradlight.autograd.check;

import static io.gradlight.autograd.TestTensors.distinct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GradCheckTest {

  @Test
  void passesACorrectGradient() {
    GradCheckResult r = GradCheck.check(
        x -> x[0].mul(x[1]).tanh().sum(), distinct(1, 2, 3), distinct(2, 2, 3));
    assertTrue(r.passed(), r.report());
    assertEquals("passed", r.report());
  }

  @Test
  void aWrongJacobianIsReportedWithInputIndexAndBothValues() {
    Tensor x = Tensor.of(new double[] {0.5, -1.0, 2.0, 1.5}, 2, 2);
    GradCheckResult r = GradCheck.check(v -> FaultyOps.MissingFactor.apply(v[0]), x);
    assertFalse(r.passed());
    assertEquals(4, r.mismatchCount());
    GradCheckResult.Mismatch m = r.mismatches().get(2);
    assertEquals("jacobian", m.check());
    assertEquals("input 0", m.input());
    assertEquals(2, m.inputIndex());
    assertEquals(2, m.outputIndex());
    assertEquals(2.0, m.actual(), 0);         // analytical: x, not 2x
    assertEquals(4.0, m.expected(), 1e-6);    // numerical: 2x
    String report = r.report();
    assertTrue(
        report.contains("input 0 element 2 [1, 0], output element 2: analytical 2.0"), report);
  }

  @Test
  void aBackwardThatIgnoresTheGradOutputFailsTheZeroCheck() {
    GradCheckResult r = GradCheck.check(
        v -> FaultyOps.IgnoresGradOutput.apply(v[0]).sum(), Tensor.of(new double[] {0.5, 2}, 2));
    assertFalse(r.passed());
    assertTrue(r.mismatches().stream().allMatch(m -> m.check().equals("zero gradOutput")),
        r.report());
    assertTrue(r.report().contains("a zero gradOutput gave a nonzero gradient"), r.report());
  }

  @Test
  void aBackwardThatChangesBetweenRunsFailsTheReentrancyCheck() {
    GradCheckResult r = GradCheck.check(v -> FaultyOps.Drifting.apply(v[0]), distinct(3, 3));
    assertFalse(r.passed());
    assertTrue(r.mismatches().stream().allMatch(m -> m.check().equals("reentrant")), r.report());
  }

  @Test
  void floatInputsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GradCheck.check(v -> v[0].exp(), Tensor.ones(DType.F32, 2)));
    assertTrue(e.getMessage().contains("F64") && e.getMessage().contains("input 0 is F32"),
        e.getMessage());
  }

  @Test
  void assertPassesThrowsWithTheReport() {
    AssertionError e = assertThrows(AssertionError.class,
        () -> GradCheck.assertPasses(v -> FaultyOps.MissingFactor.apply(v[0]), distinct(4, 3)));
    assertTrue(e.getMessage().startsWith("gradcheck failed: 3 mismatches"), e.getMessage());
  }

  @Test
  void aFunctionThatIgnoresAnInputHasAZeroJacobianForIt() {
    assertTrue(GradCheck.check(v -> v[0].exp(), distinct(5, 3), distinct(6, 2)).passed());
  }
}
