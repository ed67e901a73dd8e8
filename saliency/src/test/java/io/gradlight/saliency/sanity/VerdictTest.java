package io.gradlight.saliency.sanity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerdictTest {
  @Test
  void passesWhenTheAbsoluteMeanSpearmanIsAtMostTheThreshold() {
    assertTrue(Verdict.of(0.1).passed());
    assertTrue(Verdict.of(-0.1).passed());
    assertTrue(Verdict.of(0).passed());
    assertFalse(Verdict.of(0.1001).passed());
    assertFalse(Verdict.of(-0.5).passed());
    assertEquals(0.1, Verdict.THRESHOLD);
  }

  @Test
  void printsTheValueAndTheThreshold() {
    assertEquals("PASS (|0.031| <= 0.1)", Verdict.of(0.0312).toString());
    assertEquals("FAIL (|-0.250| > 0.1)", Verdict.of(-0.25).toString());
    assertEquals("FAIL", Verdict.of(0.9).word());
  }

  @Test
  void theMethodVerdictJudgesTheLastCascadingStep() {
    MethodSanity m = SanityCsvTest.report().method("gradcam");
    assertEquals(0.03125, m.verdict().spearman(), 1e-15);
    assertEquals("features.0", m.fullCascade().step());
  }
}
