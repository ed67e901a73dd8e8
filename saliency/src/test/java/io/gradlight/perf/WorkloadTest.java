package io.gradlight.perf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WorkloadTest {
  private static final Supplier<Workload.Prepared> NOTHING =
      () -> Workload.Prepared.withoutFlops(() -> 0);

  @Test
  void rejectsBadNamesShapesAndSuitesNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Workload.of("Gemm 1024", "[2]", Suite.CORE, NOTHING));
    assertTrue(e.getMessage().contains("'Gemm 1024'"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Workload.of("gemm-", "[2]", Suite.CORE, NOTHING));
    assertThrows(IllegalArgumentException.class,
        () -> Workload.of("gemm", " ", Suite.CORE, NOTHING));
    assertThrows(IllegalArgumentException.class,
        () -> new Workload("gemm", "[2]", Set.of(), NOTHING));
    assertThrows(IllegalArgumentException.class, () -> Workload.of("gemm", "[2]", Suite.CORE,
        null));
  }

  @Test
  void aFlopCountMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Workload.Prepared(() -> 0, OptionalLong.of(0)));
    assertTrue(e.getMessage().contains("got 0"), e.getMessage());
  }
}
