package io.gradlight.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CosineScheduleTest {
  private static final double TIGHT = 1e-15;

  @Test
  void fallsFromBaseToMinAlongHalfACosine() {
    CosineSchedule s = new CosineSchedule(0.1, 0.001, 100);
    assertEquals(0.1, s.rate(0), TIGHT);
    assertEquals(0.0505, s.rate(50), TIGHT);
    assertEquals(0.001 + 0.099 * (1 + Math.sqrt(0.5)) / 2, s.rate(25), TIGHT);
    assertEquals(0.001, s.rate(100), TIGHT);
    assertEquals(0.001, s.rate(1000), TIGHT);
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new CosineSchedule(0.1, 0.2, 10));
    assertThrows(IllegalArgumentException.class, () -> new CosineSchedule(0.1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new CosineSchedule(0.1, 0, 10).rate(-1));
  }
}
