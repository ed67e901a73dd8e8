package io.gradlight.cli;

import io.gradlight.saliency.sanity.MethodSanity;
import io.gradlight.saliency.sanity.SanityReport;
import io.gradlight.saliency.sanity.SanityStep;
import io.gradlight.saliency.sanity.SanityTest;
import io.gradlight.saliency.sanity.Similarity;
import io.gradlight.saliency.sanity.Verdict;
import java.util.List;
import java.util.Locale;

/** The terminal tables of {@code gradlight sanity}: one per method, then a summary. */
final class SanityTables {
  private SanityTables() {}

  /** Every comparison of one method, headed by its verdict. */
  static String method(MethodSanity m) {
    TextTable t = new TextTable().rightAlign(2, 3, 4, 5)
        .row("  test", "step", "spearman", "|spearman|", "ssim", "maps");
    for (SanityStep s : m.steps()) {
      Similarity mean = s.mean();
      t.row("  " + s.test().id(), s.step(), number(mean.spearman()), number(mean.spearmanAbs()),
          number(mean.ssim()), String.valueOf(s.samples().length));
    }
    return m.method() + ": " + m.verdict() + "\n" + t.render();
  }

  /**
   * One line per method: the verdict, the three measures after full cascading randomisation,
   * the Spearman after re-initialising the top group only (where Guided Backprop shows its
   * invariance to the upper layers), and the Spearman of the random-logit and label tests
   * ({@code -} when not run).
   */
  static String summary(SanityReport report) {
    TextTable t = new TextTable().rightAlign(2, 3, 4, 5, 6, 7).row("method", "verdict",
        "spearman", "|spearman|", "ssim", "top only", "random-logit", "label");
    for (MethodSanity m : report.methods()) {
      Similarity full = m.fullCascade().mean();
      t.row(m.method(), m.verdict().word(), number(full.spearman()), number(full.spearmanAbs()),
          number(full.ssim()), spearman(m, SanityTest.CASCADING),
          spearman(m, SanityTest.RANDOM_LOGIT), spearman(m, SanityTest.LABEL));
    }
    return t.render();
  }

  /** The verdict rule in one line. */
  static String rule() {
    return "verdict: PASS when |mean Spearman| of the signed maps after full cascading"
        + " randomisation <= " + Verdict.THRESHOLD + " (gradlight's threshold; the paper reads"
        + " curves)";
  }

  /** The mean Spearman of the test's first step ({@code -} when the test did not run). */
  private static String spearman(MethodSanity m, SanityTest test) {
    List<SanityStep> steps = m.steps(test);
    return steps.isEmpty() ? "-" : number(steps.getFirst().mean().spearman());
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
