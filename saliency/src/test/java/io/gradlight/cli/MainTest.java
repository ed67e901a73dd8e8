package io.gradlight.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.kernels.KernelProvider;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void helpListsTheImplementedCommandsAndExitsZero() {
    for (String flag : new String[] {"--help", "-h"}) {
      CliRun r = CliRun.of(flag);
      assertEquals(0, r.code());
      assertEquals("", r.err());
      assertTrue(r.out().contains("Usage: gradlight [--debug] <command> [arguments]"), r.out());
      for (Command c : Commands.ALL) {
        String row = "  " + Pattern.quote(c.name()) + " +" + Pattern.quote(c.summary());
        assertTrue(r.out().lines().anyMatch(l -> l.matches(row)), r.out());
      }
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  bench ")), "bench is listed");
    }
  }

  @Test
  void versionShowsTheVersionAndTheKernels() {
    CliRun r = CliRun.of("--version");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("gradlight "), r.out());
    assertTrue(!r.out().contains("${"), "the version must be filtered in: " + r.out());
    assertTrue(r.out().contains("kernels: " + KernelProvider.description() + "\n"), r.out());
  }

  @Test
  void usageErrorsExitTwoWithTheProblemAndTheUsageLine() {
    assertUsage(CliRun.of(), "gradlight: missing command",
        "Usage: gradlight [--debug] <command> [arguments]");
    assertUsage(CliRun.of("--verbose"), "gradlight: unknown option --verbose",
        "Usage: gradlight [--debug] <command> [arguments]");
    assertUsage(CliRun.of("explian"), "gradlight: unknown command 'explian' (commands: "
        + String.join(", ", Commands.ALL.stream().map(Command::name).toList()) + ")",
        "Usage: gradlight [--debug] <command> [arguments]");
    assertUsage(CliRun.of("inspect"), "gradlight: missing FILE",
        "Usage: gradlight inspect FILE [--stats]");
    assertUsage(CliRun.of("inspect", "a.npy", "--sats"), "gradlight: unknown option --sats",
        "Usage: gradlight inspect FILE [--stats]");
    assertUsage(CliRun.of("inspect", "a.npy", "b.npy"), "gradlight: unexpected argument 'b.npy'",
        "Usage: gradlight inspect FILE [--stats]");
    assertUsage(CliRun.of("inspect", "a.npy", "--stats=yes"), "gradlight: --stats takes no value",
        "Usage: gradlight inspect FILE [--stats]");
  }

  @Test
  void commandHelpWinsOverOtherProblems() {
    CliRun r = CliRun.of("inspect", "--help", "--sats");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("Usage: gradlight inspect FILE [--stats]\n"), r.out());
    assertTrue(r.out().contains("  --debug"), r.out());
  }

  @Test
  void failuresPrintOneLineAndNoStackTraceUnlessDebug() {
    CliRun plain = CliRun.of("inspect", "no/such/file.npy");
    assertEquals(1, plain.code());
    assertArrayEquals(new String[] {"gradlight: no/such/file.npy: no such file"},
        plain.errLines());
    assertEquals("", plain.out());

    CliRun debug = CliRun.of("--debug", "inspect", "no/such/file.npy");
    assertEquals(1, debug.code());
    assertEquals("gradlight: no/such/file.npy: no such file", debug.errLines()[0]);
    assertTrue(debug.err().contains("CliException") && debug.err().contains("\tat "),
        debug.err());
    CliRun late = CliRun.of("inspect", "no/such/file.npy", "--debug");
    assertTrue(late.err().contains("\tat "), "--debug after the command works too");
  }

  @Test
  void describesExceptionsInOneLine() {
    assertEquals("x.bin: no such file", Main.describe(new NoSuchFileException("x.bin")));
    assertEquals("x.bin: permission denied", Main.describe(new AccessDeniedException("x.bin")));
    assertEquals("disk full while writing", Main.describe(new IOException("disk full\n  while"
        + " writing")));
    assertEquals("bad shape [2, 3]", Main.describe(new IllegalArgumentException("bad shape"
        + " [2, 3]")));
    String bug = Main.describe(new NullPointerException());
    assertTrue(bug.startsWith("internal error: java.lang.NullPointerException"), bug);
    assertTrue(bug.contains("--debug"), bug);
    assertTrue(Main.describe(new OutOfMemoryError()).contains("-Xmx"));
  }

  private static void assertUsage(CliRun r, String problem, String usage) {
    assertEquals(2, r.code(), r.err());
    assertEquals("", r.out());
    String[] lines = r.errLines();
    assertEquals(problem, lines[0]);
    assertTrue(lines[1].startsWith(usage), lines[1]);
  }
}
