package io.gradlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DemoCommandTest {
  @Test
  void helpListsTheOptionsAndBadCountsAreUsageErrors() {
    CliRun help = CliRun.of("demo", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--images"), help.out());
    assertEquals(2, CliRun.of("demo", "--images", "0").code());
    assertEquals(2, CliRun.of("demo", "--images", "33").code());
    assertEquals(2, CliRun.of("demo", "--seed", "x").code());
  }
}
