package io.gradlight.saliency.sanity;

import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.saliency.Score;
import io.gradlight.saliency.TargetLayers;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * The sanity checks of Adebayo et al. (NeurIPS 2018) and the random-logit test of Sixt et al.
 * (ICML 2020) for a batch of images and a list of methods. Every map is compared with the map of
 * the trained model by {@link Similarity} (Spearman without and with absolute values, SSIM):
 *
 * <ol>
 *   <li>cascading model-parameter randomisation: the layer groups re-initialised one more at a
 *       time from the top (the logits) down to the input ({@link ParameterRandomization});
 *   <li>independent randomisation: each group alone re-initialised;
 *   <li>random logit: the trained model explained for a random class other than its top-1 (one
 *       per image, drawn from the seed): a method that explains the decision draws another map;
 *   <li>label randomisation, when a model trained on permuted labels is given.
 * </ol>
 *
 * Each image is explained for the trained model's top-1 class throughout, as in the paper, with
 * the logit score; stochastic methods get the same seed at every step, so only the model changes.
 * The trained model is never modified: every map, the original ones included, comes from a copy.
 * Randomised copies are built one step at a time and dropped after use, so large models fit.
 */
public final class SanityCheck {
  private final Module model;
  private final ParameterRandomization randomization;
  private final Tensor input;
  private final String layer;
  private final long seed;
  private final Ssim ssim;

  /**
   * @param model the trained model (not modified)
   * @param architecture an untrained model of the same architecture from a seed (see
   *     {@link ParameterRandomization})
   * @param input the images {@code [N, C, H, W]} in the model's preprocessing and dtype
   * @param layer the target layer of layer-based methods, or null for the default
   * @param seed the seed of the re-initialised weights, of the random logits and of stochastic
   *     methods
   * @param ssim the SSIM to compare display maps with
   */
  public SanityCheck(Module model, LongFunction<Module> architecture, Tensor input, String layer,
      long seed, Ssim ssim) {
    this.model = model;
    this.randomization = new ParameterRandomization(model, architecture, seed);
    this.input = input;
    this.layer = layer != null ? layer : TargetLayers.defaultFor(model, input.shape());
    this.seed = seed;
    this.ssim = ssim;
  }

  /** The layer groups, from the top down. */
  public List<LayerGroup> groups() {
    return randomization.groups();
  }

  /** How many explanations {@link #run} computes for {@code methods} methods (for progress). */
  public int explanations(int methods, boolean labelTest) {
    int groups = randomization.groups().size();
    return methods * (2 + 2 * groups + (labelTest ? 1 : 0));
  }

  /**
   * Runs every test for every method.
   *
   * @param labelRandomized a model of the same architecture trained on permuted labels, or null
   *     to skip that test
   * @param done called after each explanation (progress)
   */
  public SanityReport run(List<SaliencyMethod> methods, Module labelRandomized, Runnable done) {
    Module copy = randomization.cascading(0);
    Tensor logits = logits(copy);
    int[] classes = Targets.top1().resolve(logits);
    int[] randomClasses = otherClasses(classes, logits.dim(1));
    Map<SaliencyMethod, SaliencyMap> originals = new LinkedHashMap<>();
    Map<SaliencyMethod, List<SanityStep>> steps = new LinkedHashMap<>();
    for (SaliencyMethod m : methods) {
      originals.put(m, explain(m, copy, classes, done));
      steps.put(m, new ArrayList<>());
    }
    List<LayerGroup> groups = randomization.groups();
    for (int k = 1; k <= groups.size(); k++) {
      compareAll(SanityTest.CASCADING, groups.get(k - 1).name(), randomization.cascading(k),
          classes, originals, steps, done);
    }
    for (int g = 0; g < groups.size(); g++) {
      compareAll(SanityTest.INDEPENDENT, groups.get(g).name(), randomization.independent(g),
          classes, originals, steps, done);
    }
    if (randomClasses.length > 0) {
      compareAll(SanityTest.RANDOM_LOGIT, SanityTest.RANDOM_LOGIT.id(), copy, randomClasses,
          originals, steps, done);
    }
    if (labelRandomized != null) {
      Module other = labelRandomized.eval();
      compareAll(SanityTest.LABEL, SanityTest.LABEL.id(), other, classes, originals, steps, done);
    }
    List<MethodSanity> results = new ArrayList<>();
    originals.forEach((m, original) ->
        results.add(new MethodSanity(m.id(), original.display(), steps.get(m))));
    return new SanityReport(groups, classes, randomClasses, layer, ssim.window(), results);
  }

  private void compareAll(SanityTest test, String step, Module changed, int[] classes,
      Map<SaliencyMethod, SaliencyMap> originals, Map<SaliencyMethod, List<SanityStep>> steps,
      Runnable done) {
    originals.forEach((m, original) -> {
      SaliencyMap map = explain(m, changed, classes, done);
      steps.get(m).add(new SanityStep(test, step, Similarity.compare(original, map, ssim),
          map.display()));
    });
  }

  private SaliencyMap explain(SaliencyMethod m, Module on, int[] classes, Runnable done) {
    SaliencyMap map = m.explain(new ExplainRequest(on, input, Targets.of(classes), Score.LOGIT,
        layer, seed));
    done.run();
    return map;
  }

  private Tensor logits(Module on) {
    try (Scope _ = GradMode.disabled()) {
      return on.forward(Variable.constant(input)).value();
    }
  }

  /** For each image a class other than {@code classes[n]}, uniform, from the seed. */
  private int[] otherClasses(int[] classes, int count) {
    if (count < 2) {
      return new int[0];
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int[] out = new int[classes.length];
    for (int n = 0; n < classes.length; n++) {
      int r = rng.nextInt(count - 1);
      out[n] = r >= classes[n] ? r + 1 : r;
    }
    return out;
  }
}
