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
import java.util.Arrays;
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
 *   <li>label randomisation, when a model trained on permuted labels is given (see
 *       {@link LabelRandomization}).
 * </ol>
 *
 * <p><b>Repeats.</b> Both randomisation tests run {@code repeats} times, repeat {@code r} with the
 * re-initialised weights of seed {@code seed + r}, and each step averages over every image and
 * repeat. One draw is not enough on a model with few classes: a random last layer makes a
 * CAM-style map {@code +-} the same activation-energy picture, with one sign per class, so with
 * eight classes the mean Spearman of a single draw scatters by about 0.1 around 0.
 *
 * <p>Each image is explained for the trained model's top-1 class throughout, as in the paper,
 * with the logit score; stochastic methods get the seed {@code seed} at every step, so only the
 * model changes. The trained model is never modified: every map, the original ones included,
 * comes from a copy. Randomised copies are built one step at a time and dropped after use, so
 * large models fit in memory.
 */
public final class SanityCheck {
  private final Module model;
  private final LongFunction<Module> architecture;
  private final Tensor input;
  private final String layer;
  private final long seed;
  private final int repeats;
  private final Ssim ssim;
  private final List<LayerGroup> groups;

  /**
   * @param model the trained model (not modified)
   * @param architecture an untrained model of the same architecture from a seed (see
   *     {@link ParameterRandomization})
   * @param input the images {@code [N, C, H, W]} in the model's preprocessing and dtype
   * @param layer the target layer of layer-based methods, or null for the default
   * @param seed the seed of the re-initialised weights, of the random logits and of stochastic
   *     methods
   * @param repeats the number of random draws of the re-initialised weights, at least 1
   * @param ssim the SSIM to compare display maps with
   */
  public SanityCheck(Module model, LongFunction<Module> architecture, Tensor input, String layer,
      long seed, int repeats, Ssim ssim) {
    if (repeats < 1) {
      throw new IllegalArgumentException("sanity check repeats must be >= 1, got " + repeats);
    }
    this.model = model;
    this.architecture = architecture;
    this.input = input;
    this.layer = layer != null ? layer : TargetLayers.defaultFor(model, input.shape());
    this.seed = seed;
    this.repeats = repeats;
    this.ssim = ssim;
    this.groups = LayerGroup.topDown(model);
  }

  /** The layer groups, from the top down. */
  public List<LayerGroup> groups() {
    return groups;
  }

  /** How many explanations {@link #run} computes for {@code methods} methods (for progress). */
  public int explanations(int methods, boolean labelTest) {
    return methods * (2 + 2 * groups.size() * repeats + (labelTest ? 1 : 0));
  }

  /** How many explanations {@link #verdicts} computes for {@code methods} methods. */
  public int verdictExplanations(int methods) {
    return methods * (1 + repeats);
  }

  /**
   * Runs every test for every method.
   *
   * @param labelRandomized a model of the same architecture trained on permuted labels, in
   *     evaluation mode (as {@link LabelRandomization} returns it), or null to skip that test
   * @param done called after each explanation (progress)
   */
  public SanityReport run(List<SaliencyMethod> methods, Module labelRandomized, Runnable done) {
    return run(methods, true, labelRandomized, done);
  }

  /**
   * Only what the verdicts need: each method's maps after full cascading randomisation (every
   * repeat), compared with the trained model's. The report's methods hold that one cascading
   * step; {@link #run} gives the same numbers for it, with every other step besides.
   */
  public SanityReport verdicts(List<SaliencyMethod> methods, Runnable done) {
    return run(methods, false, null, done);
  }

  private SanityReport run(List<SaliencyMethod> methods, boolean everyStep,
      Module labelRandomized, Runnable done) {
    Module copy = new ParameterRandomization(model, architecture, seed).cascading(0);
    Tensor logits = logits(copy);
    int[] classes = Targets.top1().resolve(logits);
    int[] randomClasses = otherClasses(classes, logits.dim(1));
    Map<SaliencyMethod, SaliencyMap> originals = new LinkedHashMap<>();
    Map<SaliencyMethod, List<SanityStep>> steps = new LinkedHashMap<>();
    for (SaliencyMethod m : methods) {
      originals.put(m, explain(m, copy, classes, done));
      steps.put(m, new ArrayList<>());
    }
    Comparisons compare = new Comparisons(originals, steps, done);
    int all = groups.size();
    for (int r = 0; r < repeats; r++) {
      ParameterRandomization random = new ParameterRandomization(model, architecture, seed + r);
      compare.repeat(r);
      for (int k = everyStep ? 1 : all; k <= all; k++) {
        compare.all(SanityTest.CASCADING, groups.get(k - 1).name(), random.cascading(k),
            classes);
      }
      for (int g = 0; everyStep && g < all; g++) {
        compare.all(SanityTest.INDEPENDENT, groups.get(g).name(), random.independent(g),
            classes);
      }
    }
    compare.repeat(0);
    if (everyStep && randomClasses.length > 0) {
      compare.all(SanityTest.RANDOM_LOGIT, SanityTest.RANDOM_LOGIT.id(), copy, randomClasses);
    }
    if (labelRandomized != null) {
      compare.all(SanityTest.LABEL, SanityTest.LABEL.id(), labelRandomized, classes);
    }
    List<MethodSanity> results = new ArrayList<>();
    originals.forEach((m, original) ->
        results.add(new MethodSanity(m.id(), original.display(), steps.get(m))));
    return new SanityReport(groups, classes, randomClasses, layer, repeats, ssim.window(),
        results);
  }

  /**
   * Explains with every method on a changed model and records the comparisons; in repeats after
   * the first, the similarities join those of the same step of the first repeat.
   */
  private final class Comparisons {
    private final Map<SaliencyMethod, SaliencyMap> originals;
    private final Map<SaliencyMethod, List<SanityStep>> steps;
    private final Runnable done;
    private int repeat;
    private int next;

    Comparisons(Map<SaliencyMethod, SaliencyMap> originals,
        Map<SaliencyMethod, List<SanityStep>> steps, Runnable done) {
      this.originals = originals;
      this.steps = steps;
      this.done = done;
    }

    void repeat(int r) {
      repeat = r;
      next = 0;
    }

    void all(SanityTest test, String step, Module changed, int[] classes) {
      originals.forEach((m, original) -> {
        SaliencyMap map = explain(m, changed, classes, done);
        Similarity[] similar = Similarity.compare(original, map, ssim);
        List<SanityStep> list = steps.get(m);
        if (repeat == 0) {
          list.add(new SanityStep(test, step, similar, map.display()));
        } else {
          SanityStep first = list.get(next);
          list.set(next, new SanityStep(test, step, concat(first.samples(), similar),
              first.display()));
        }
      });
      next++;
    }
  }

  private static Similarity[] concat(Similarity[] a, Similarity[] b) {
    Similarity[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
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
