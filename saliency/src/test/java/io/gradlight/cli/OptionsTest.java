package io.gradlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
  private static Options spec() {
    return new Options("explain", "Draw saliency maps.")
        .positional("MODEL", "a model")
        .manyPositional("IMAGE", "images", 1)
        .value("--method", "NAME", "the method", "gradcam")
        .value("--steps", "N", "steps", "50")
        .value("--sigma", "S", "noise", null)
        .repeated("--layer", "NAME", "a layer")
        .flag("--stats", "statistics");
  }

  @Test
  void parsesValuesFlagsRepeatsAndPositionalsInAnyOrder() throws UsageException {
    ParsedArgs a = spec().parse(List.of("--layer", "l1", "m.safetensors", "--method=rise",
        "x.png", "--stats", "--layer=l2", "y.png", "--steps", "7", "--debug"));
    assertEquals("m.safetensors", a.positional("MODEL"));
    assertEquals(List.of("x.png", "y.png"), a.positionals("IMAGE"));
    assertEquals("rise", a.value("--method"));
    assertEquals(7, a.intValue("--steps"));
    assertNull(a.value("--sigma"));
    assertEquals(List.of("l1", "l2"), a.values("--layer"));
    assertTrue(a.flag("--stats"));
    assertFalse(a.helpRequested());
  }

  @Test
  void defaultsApplyAndDoubleDashEndsOptions() throws UsageException {
    ParsedArgs a = spec().parse(List.of("m", "--", "--odd-name.png", "-"));
    assertEquals("gradcam", a.value("--method"));
    assertEquals(50, a.intValue("--steps"));
    assertEquals(List.of("--odd-name.png", "-"), a.positionals("IMAGE"));
    assertFalse(a.flag("--stats"));
    assertEquals(List.of(), a.values("--layer"));
  }

  @Test
  void valuesMayLookLikeNegativeNumbers() throws UsageException {
    ParsedArgs a = spec().parse(List.of("m", "x", "--sigma", "-0.5"));
    assertEquals(-0.5, a.doubleValue("--sigma"));
  }

  @Test
  void helpAnywhereSkipsValidation() throws UsageException {
    assertTrue(spec().parse(List.of("--nonsense", "-h")).helpRequested());
  }

  @Test
  void reportsEachUsageProblem() {
    assertProblem(List.of("m", "x", "--bogus"), "unknown option --bogus");
    assertProblem(List.of("m", "x", "-v"), "unknown option -v");
    assertProblem(List.of("m", "x", "--stats=1"), "--stats takes no value");
    assertProblem(List.of("m", "x", "--method"), "--method needs a value NAME");
    assertProblem(List.of("m", "x", "--method", "a", "--method", "b"), "--method given twice");
    assertProblem(List.of(), "missing MODEL");
    assertProblem(List.of("m"), "missing IMAGE");
  }

  @Test
  void reportsMalformedNumbers() throws UsageException {
    ParsedArgs a = spec().parse(List.of("m", "x", "--steps", "ten", "--sigma", "NaN"));
    assertEquals("--steps expects an integer, got 'ten'",
        assertThrows(UsageException.class, () -> a.intValue("--steps")).getMessage());
    assertEquals("--sigma expects a number, got 'NaN'",
        assertThrows(UsageException.class, () -> a.doubleValue("--sigma")).getMessage());
  }

  @Test
  void tooManyPositionals() {
    Options one = new Options("inspect", "x").positional("FILE", "f");
    assertEquals("unexpected argument 'b'",
        assertThrows(UsageException.class, () -> one.parse(List.of("a", "b"))).getMessage());
  }

  @Test
  void usageLineAndHelpShowEveryArgument() {
    assertEquals("Usage: gradlight explain MODEL IMAGE... [--method NAME] [--steps N]"
        + " [--sigma S] [--layer NAME]... [--stats]", spec().usageLine());
    String help = spec().help();
    assertTrue(help.contains("  --method NAME  the method (default: gradcam)"), help);
    assertTrue(help.contains("  --layer NAME   a layer (repeatable)"), help);
    assertTrue(help.contains("  --help         show this help"), help);
  }

  @Test
  void declarationMistakesAreCaughtEarly() {
    assertThrows(IllegalArgumentException.class,
        () -> new Options("x", "y").flag("--a", "").flag("--a", ""));
    assertThrows(IllegalArgumentException.class, () -> new Options("x", "y").flag("-a", ""));
    assertThrows(IllegalArgumentException.class, () -> new Options("x", "y").flag("--help", ""));
    assertThrows(IllegalArgumentException.class,
        () -> new Options("x", "y").optionalPositional("A", "").positional("B", ""));
    ParsedArgs a = ParsedArgs.helpRequested(spec());
    assertThrows(IllegalArgumentException.class, () -> a.flag("--method"));
    assertThrows(IllegalArgumentException.class, () -> a.value("--nope"));
    assertThrows(IllegalArgumentException.class, () -> a.positional("NOPE"));
  }

  private static void assertProblem(List<String> args, String problem) {
    assertEquals(problem,
        assertThrows(UsageException.class, () -> spec().parse(args)).getMessage());
  }
}
