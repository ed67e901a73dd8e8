package io.gradlight.saliency.sanity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.Models;
import io.gradlight.saliency.Display;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.saliency.cam.GradCam;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class SanityCheckTest {
  private static final LongFunction<Module> SHAPESNET =
      s -> Models.create("shapesnet", 8, Activation.RELU, s);
  private static final Tensor IMAGES = new Shapes(32, false).batch(0, 3, 11).images();

  /** A "method" that ignores the model: the input's channel sum, the extreme of invariance. */
  private static final class InputOnly implements SaliencyMethod {
    final List<int[]> targets = new ArrayList<>();

    @Override
    public String id() {
      return "input-only";
    }

    @Override
    public String paper() {
      return "none: a test double";
    }

    @Override
    public boolean usesLayer() {
      return false;
    }

    @Override
    public SaliencyMap explain(ExplainRequest r) {
      int[] classes;
      try (Scope _ = GradMode.disabled()) {
        classes = r.targets().resolve(r.model().forward(Variable.constant(r.input())).value());
      }
      targets.add(classes);
      Tensor raw = r.input().sum(new int[] {1}, false);
      return new SaliencyMap(id(), raw, Display.minMax(raw), classes, null, Map.of());
    }
  }

  private static SanityCheck check(Module model, long seed) {
    return new SanityCheck(model, SHAPESNET, IMAGES, null, seed, 1, new Ssim());
  }

  @Test
  void aMapThatIgnoresTheModelStaysTheSameAndFails() {
    Module model = SHAPESNET.apply(3).eval();
    InputOnly method = new InputOnly();
    AtomicInteger done = new AtomicInteger();
    SanityCheck check = check(model, 5);
    SanityReport report = check.run(List.of(method), null, done::incrementAndGet);

    assertEquals(check.explanations(1, false), done.get());
    assertEquals(2 + 2 * 5, done.get());
    MethodSanity m = report.method("input-only");
    List<String> cascade = List.of("fc", "features.12", "features.8", "features.4", "features.0");
    assertEquals(cascade, m.steps(SanityTest.CASCADING).stream().map(SanityStep::step).toList());
    assertEquals(cascade, m.steps(SanityTest.INDEPENDENT).stream().map(SanityStep::step).toList());
    assertEquals(1, m.steps(SanityTest.RANDOM_LOGIT).size());
    assertEquals(List.of(), m.steps(SanityTest.LABEL));
    for (SanityStep s : m.steps()) {
      assertEquals(new Similarity(1, 1, 1), s.mean(), s.step());
    }
    assertFalse(m.verdict().passed());
    assertEquals(1, m.verdict().spearman());
  }

  @Test
  void everyMapExplainsTheTrainedModelsTopClassExceptTheRandomLogit() {
    Module model = SHAPESNET.apply(3).eval();
    InputOnly method = new InputOnly();
    SanityReport report = check(model, 5).run(List.of(method), null, () -> {});
    int[] top = report.classes();
    int[] other = report.randomClasses();
    assertEquals(IMAGES.dim(0), other.length);
    for (int n = 0; n < top.length; n++) {
      assertNotEquals(top[n], other[n], "image " + n);
    }
    int randomLogitCall = 1 + 2 * 5; // after the original and the ten randomised models
    for (int call = 0; call < method.targets.size(); call++) {
      assertArrayEquals(call == randomLogitCall ? other : top, method.targets.get(call),
          "call " + call);
    }
  }

  @Test
  void gradCamChangesUnderRandomisationAndTheModelIsUntouched() {
    Module model = SHAPESNET.apply(3).eval();
    Tensor before = model.stateDict().tensor("features.12.weight").copy();
    SanityReport report = check(model, 5).run(List.of(new GradCam()), model, () -> {});
    MethodSanity m = report.method("gradcam");
    assertEquals(new Similarity(1, 1, 1), m.steps(SanityTest.LABEL).getFirst().mean(),
        "the same model as label-randomised model must give the same maps");
    assertTrue(m.fullCascade().mean().ssim() < 1);
    assertTrue(model.stateDict().tensor("features.12.weight").allClose(before, 0, 0));
    assertFalse(model.isTraining());
  }

  @Test
  void theSameSeedGivesTheSameReport() {
    Module model = SHAPESNET.apply(3).eval();
    String a = SanityCsv.format(check(model, 5).run(List.of(new GradCam()), null, () -> {}));
    String b = SanityCsv.format(check(model, 5).run(List.of(new GradCam()), null, () -> {}));
    String c = SanityCsv.format(check(model, 6).run(List.of(new GradCam()), null, () -> {}));
    assertEquals(a, b);
    assertNotEquals(a, c);
  }

  @Test
  void repeatsAddTheDrawsOfTheNextSeedsToEachRandomisationStep() {
    Module model = SHAPESNET.apply(3).eval();
    AtomicInteger done = new AtomicInteger();
    SanityCheck twice = new SanityCheck(model, SHAPESNET, IMAGES, null, 5, 2, new Ssim());
    SanityReport two = twice.run(List.of(new GradCam()), null, done::incrementAndGet);
    assertEquals(2 + 2 * 5 * 2, done.get());
    assertEquals(twice.explanations(1, false), done.get());
    MethodSanity first = check(model, 5).run(List.of(new GradCam()), null, () -> {})
        .method("gradcam");
    MethodSanity second = check(model, 6).run(List.of(new GradCam()), null, () -> {})
        .method("gradcam");
    MethodSanity both = two.method("gradcam");
    int n = IMAGES.dim(0);
    for (int i = 0; i < both.steps().size(); i++) {
      SanityStep s = both.steps().get(i);
      Similarity[] samples = s.samples();
      if (s.test() == SanityTest.RANDOM_LOGIT) {
        assertArrayEquals(first.steps().get(i).samples(), samples);
        continue;
      }
      assertEquals(2 * n, samples.length, s.step());
      assertArrayEquals(first.steps().get(i).samples(),
          java.util.Arrays.copyOfRange(samples, 0, n), s.step());
      assertArrayEquals(second.steps().get(i).samples(),
          java.util.Arrays.copyOfRange(samples, n, 2 * n), s.step());
      assertTrue(first.steps().get(i).display().allClose(s.display(), 0, 0));
    }
  }

  @Test
  void verdictsComputeOnlyTheFullCascadeWithTheSameNumbers() {
    Module model = SHAPESNET.apply(3).eval();
    SanityCheck check = new SanityCheck(model, SHAPESNET, IMAGES, null, 5, 2, new Ssim());
    AtomicInteger done = new AtomicInteger();
    MethodSanity quick = check.verdicts(List.of(new GradCam()), done::incrementAndGet)
        .method("gradcam");
    assertEquals(check.verdictExplanations(1), done.get());
    assertEquals(3, done.get());
    assertEquals(1, quick.steps().size());
    MethodSanity full = check.run(List.of(new GradCam()), null, () -> {}).method("gradcam");
    assertEquals("features.0", quick.fullCascade().step());
    assertArrayEquals(full.fullCascade().samples(), quick.fullCascade().samples());
    assertEquals(full.verdict(), quick.verdict());
  }
}
