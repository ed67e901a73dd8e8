package io.gradlight.saliency.sanity;

import io.gradlight.tensor.Tensor;
import java.util.List;

/**
 * Every sanity test of one method, in the order run: the cascading steps from the top down, the
 * independent steps from the top down, the random logit, and the label randomisation when it ran.
 *
 * @param method the method's id
 * @param original the display maps {@code [N, H, W]} of the trained model
 * @param steps the comparisons
 */
public record MethodSanity(String method, Tensor original, List<SanityStep> steps) {

  public MethodSanity {
    steps = List.copyOf(steps);
    if (steps.stream().noneMatch(s -> s.test() == SanityTest.CASCADING)) {
      throw new IllegalArgumentException(method + ": no cascading randomisation step to judge");
    }
  }

  /** The steps of one test, in order. */
  public List<SanityStep> steps(SanityTest test) {
    return steps.stream().filter(s -> s.test() == test).toList();
  }

  /** The last cascading step: every layer group re-initialised. */
  public SanityStep fullCascade() {
    return steps(SanityTest.CASCADING).getLast();
  }

  /** The verdict on the mean Spearman after full cascading randomisation (see {@link Verdict}). */
  public Verdict verdict() {
    return Verdict.of(fullCascade().mean().spearman());
  }
}
