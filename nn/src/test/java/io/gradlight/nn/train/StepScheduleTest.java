package io.gradlight.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StepScheduleTest {
  @Test
  void decaysByGammaEveryStepSizeSteps() {
    StepSchedule s = new StepSchedule(0.1, 30, 0.5);
    assertEquals(0.1, s.rate(0));
    assertEquals(0.1, s.rate(29));
    assertEquals(0.05, s.rate(30));
    assertEquals(0.025, s.rate(60));
    assertEquals(0.025, s.rate(89));
  }

  @Test
  void constantScheduleAndBadArguments() {
    assertEquals(0.3, LearningRateSchedule.constant(0.3).rate(12345));
    assertThrows(IllegalArgumentException.class, () -> new StepSchedule(0.1, 0, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new StepSchedule(0.1, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> new StepSchedule(0.1, 10, 1.5));
    assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(-1));
  }
}
