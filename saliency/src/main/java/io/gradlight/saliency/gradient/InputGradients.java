package io.gradlight.saliency.gradient;

import io.gradlight.autograd.Autograd;
import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.ReluRule;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.saliency.Display;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.LayerForward;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.Tensor;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The building block of the input-gradient family: {@code g_i = dS_i / dx_i}, the gradient of
 * image i's score (the request's {@link io.gradlight.saliency.Score} of its target logit) with
 * respect to its own input pixels, for the whole batch in one forward and one backward of
 * {@code sum_i S_i} (images do not interact in eval mode), under a chosen {@link ReluRule}.
 *
 * <p>Methods that average gradients over many inputs (Integrated Gradients, SmoothGrad) fix each
 * image's class on the clean input first (from {@link #logits}), then run their samples through
 * {@link #forEachSample}, which stacks several samples into one batch per pass.
 */
final class InputGradients {
  /** The most images one forward and backward pass holds when samples are stacked. */
  static final int IMAGES_PER_PASS = 16;

  private InputGradients() {}

  /** The gradient {@code [N, C, H, W]} and the classes it explains. */
  record Gradient(Tensor value, int[] classes) {}

  /** {@code dS_i/dx_i} at {@code x} under {@code rule}, the request's targets resolved on x. */
  static Gradient of(ExplainRequest r, Tensor x, ReluRule rule) {
    try (Scope _ = ReluRule.use(rule)) {
      LayerForward f = LayerForward.run(r, x, null, true);
      Variable g = Autograd.grad(f.scores().sum(), f.input());
      return new Gradient(g.value(), f.classes());
    }
  }

  /** The logits {@code [N, K]} of {@code x}, by a forward pass only. */
  static Tensor logits(ExplainRequest r, Tensor x) {
    try (Scope _ = GradMode.disabled()) {
      return r.model().forward(Variable.constant(x)).value();
    }
  }

  /** The scores {@code S_i} {@code [N]} of {@code logits} at fixed {@code classes}. */
  static Tensor scores(ExplainRequest r, Tensor logits, int[] classes) {
    return r.score().apply(Variable.constant(logits), classes).value();
  }

  /** Receives the gradient of one sample, in sample order. */
  @FunctionalInterface
  interface SampleSink {
    void accept(int sample, Tensor gradient);
  }

  /**
   * For {@code s = 0 .. count - 1} in order, the gradient {@code [N, C, H, W]} at the input
   * {@code input.apply(s)} (also called in order, so a seeded generator inside it draws the same
   * numbers however the samples are grouped), for the fixed {@code classes}. Samples are stacked
   * along the batch axis, {@code max(1, imagesPerPass / N)} per pass.
   */
  static void forEachSample(ExplainRequest r, int[] classes, int count, IntFunction<Tensor> input,
      int imagesPerPass, ReluRule rule, SampleSink sink) {
    int n = classes.length;
    int perPass = Math.max(1, imagesPerPass / n);
    for (int first = 0; first < count; first += perPass) {
      int group = Math.min(perPass, count - first);
      Tensor[] parts = new Tensor[group];
      int[] repeated = new int[group * n];
      for (int j = 0; j < group; j++) {
        parts[j] = input.apply(first + j);
        System.arraycopy(classes, 0, repeated, j * n, n);
      }
      Tensor batch = group == 1 ? parts[0] : Tensor.concat(0, parts);
      Tensor g = of(r.withTargets(Targets.of(repeated)), batch, rule).value();
      for (int j = 0; j < group; j++) {
        sink.accept(first + j, group == 1 ? g : g.slice(0, j * n, (j + 1) * n));
      }
    }
  }

  /** An input-gradient map: raw {@code [N, C, H, W]}, display {@link Display#ofInputGradient}. */
  static SaliencyMap map(String id, Tensor raw, int[] classes, Map<String, String> notes) {
    return new SaliencyMap(id, raw, Display.ofInputGradient(raw), classes, null, notes);
  }

  /** Checks an option that must be at least 1. */
  static int atLeastOne(String method, String option, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          method + ": " + option + " must be at least 1, got " + value);
    }
    return value;
  }
}
