package io.gradlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.perf.Workload;
import io.gradlight.perf.Workloads;
import io.gradlight.tensor.io.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
  private static final List<String> KEYS =
      List.of("name", "median_ms", "best_ms", "gflops", "threads", "shape");

  @Test
  void jsonIsOneArrayOfObjectsWithTheSixKeys() throws Json.SyntaxException {
    CliRun r = CliRun.of("bench", "--only", "gemm", "--runs", "1", "--threads", "1", "--json");
    assertEquals(0, r.code(), r.err());
    List<?> rows = assertInstanceOf(List.class, Json.parse(r.out()));
    assertEquals(1, rows.size(), r.out());
    Map<?, ?> row = assertInstanceOf(Map.class, rows.get(0));
    assertEquals(KEYS, List.copyOf(row.keySet()));
    assertEquals("gemm-1024", row.get("name"));
    assertEquals(Workloads.find("gemm-1024").shape(), row.get("shape"));
    assertEquals(BigInteger.ONE, row.get("threads"));
    assertTrue(positive(row.get("median_ms")), r.out());
    assertTrue(positive(row.get("best_ms")), r.out());
    assertTrue(positive(row.get("gflops")), r.out());
  }

  @Test
  void gflopsIsNullWhereTheFlopCountIsUndefined() throws Json.SyntaxException {
    CliRun r = CliRun.of("bench", "--only", "gap-resnet18", "--runs", "1", "--clock", "cpu",
        "--json");
    assertEquals(0, r.code(), r.err());
    Map<?, ?> row = assertInstanceOf(Map.class, ((List<?>) Json.parse(r.out())).get(0));
    assertSame(Json.NULL, row.get("gflops"));
    assertTrue(positive(row.get("median_ms")), r.out());
  }

  @Test
  void tablePrintsOneRowPerWorkload() {
    CliRun r = CliRun.of("bench", "--only", "gap-resnet18", "--runs", "1", "--threads", "2");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals(3, lines.length, r.out());
    assertTrue(lines[1].matches("workload +input +median ms +best ms +GFLOP/s +threads"), lines[1]);
    assertTrue(lines[2].matches("gap-resnet18 +\\[1, 512, 7, 7] +[0-9.]+ +[0-9.]+ +- +2"), lines[2]);
  }

  @Test
  void listNamesEveryWorkloadWithoutRunningAny() {
    CliRun r = CliRun.of("bench", "--list", "--only", Workloads.ALL_SELECTOR);
    assertEquals(0, r.code(), r.err());
    assertEquals(Workloads.all().size() + 1, r.out().split("\n").length);
    for (Workload w : Workloads.all()) {
      assertTrue(r.out().contains("\n" + w.name() + " "), w.name());
    }
    assertFalse(CliRun.of("bench", "--list").out().contains("resnet18-forward-448-b32"),
        "the scaling suite runs only on request");
  }

  @Test
  void badOptionsExitTwoWithTheUsageLineAndNoStackTrace() {
    String[][] bad = {
      {"bench", "--runs", "0"},
      {"bench", "--runs", "many"},
      {"bench", "--threads", "0"},
      {"bench", "--only", "no-such-workload"},
      {"bench", "--fast"},
      {"bench", "--clock", "sundial"},
      {"bench", "extra"}
    };
    for (String[] args : bad) {
      CliRun r = CliRun.of(args);
      assertEquals(2, r.code(), String.join(" ", args));
      assertEquals("", r.out());
      String[] err = r.errLines();
      assertEquals(3, err.length, r.err());
      assertTrue(err[0].startsWith("gradlight: "), r.err());
      assertTrue(err[1].startsWith("Usage: gradlight bench "), r.err());
    }
  }

  @Test
  void significantDigitsWithoutExponent() {
    assertEquals("12350", BenchCommand.significant(12345.6));
    assertEquals("0.001235", BenchCommand.significant(0.00123456));
    assertEquals("2", BenchCommand.significant(2.0));
  }

  private static boolean positive(Object number) {
    return number instanceof BigDecimal d ? d.signum() > 0
        : number instanceof BigInteger i && i.signum() > 0;
  }
}
