package io.gradlight.autograd.check;

import java.util.Arrays;
import java.util.List;

/**
 * The outcome of a {@link GradCheck} or {@link GradGradCheck}: passed, or the mismatches found
 * (at most {@link #MAX_REPORTED} are kept) and a readable report.
 */
public record GradCheckResult(boolean passed, List<Mismatch> mismatches, int mismatchCount) {
  /** How many mismatches a result keeps for its report. */
  public static final int MAX_REPORTED = 10;

  public GradCheckResult {
    mismatches = List.copyOf(mismatches);
  }

  /**
   * One disagreement. {@code check} is {@code "jacobian"} (analytical vs numerical),
   * {@code "reentrant"} (two backward passes differ), {@code "zero gradOutput"} (a zero incoming
   * gradient gave a nonzero gradient) or {@code "shape"}. {@code inputIndex} is the flat element
   * index within the input, {@code index} the same as a multi-index; {@code outputIndex} is the
   * flat output element (-1 when not about one).
   */
  public record Mismatch(String check, String input, int inputIndex, int[] index,
      int outputIndex, double expected, double actual) {
    @Override
    public String toString() {
      String where = input + " element " + inputIndex + " " + Arrays.toString(index)
          + (outputIndex >= 0 ? ", output element " + outputIndex : "");
      return switch (check) {
        case "jacobian" -> "jacobian mismatch at " + where + ": analytical " + actual
            + ", numerical " + expected;
        case "reentrant" -> "backward is not reentrant at " + where + ": first " + expected
            + ", second " + actual;
        case "zero gradOutput" -> "a zero gradOutput gave a nonzero gradient at " + where + ": "
            + actual;
        default -> check + " at " + where;
      };
    }
  }

  /** "passed", or the number of mismatches and each kept one on its own line. */
  public String report() {
    if (passed) {
      return "passed";
    }
    StringBuilder sb = new StringBuilder(mismatchCount + " mismatch"
        + (mismatchCount == 1 ? "" : "es"));
    for (Mismatch m : mismatches) {
      sb.append("\n  ").append(m);
    }
    if (mismatchCount > mismatches.size()) {
      sb.append("\n  ...");
    }
    return sb.toString();
  }
}
