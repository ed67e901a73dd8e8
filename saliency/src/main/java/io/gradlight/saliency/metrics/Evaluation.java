package io.gradlight.saliency.metrics;

import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.saliency.Score;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Explains an {@link EvaluationSet} with a method and scores the maps with every {@link Metric}:
 * deletion and insertion ({@link CausalMetric}, ranked by the display map), average drop and
 * increase in confidence ({@link ConfidenceChange}, display map), the pointing game ({@link
 * PointingGame}) and energy pointing ({@link EnergyPointingGame}) on the display map, and relevance
 * mass ({@link RelevanceMass}) on the raw map. The explained class of each image is its label, or
 * the model's top-1 class when the set has no labels; methods explain the logit ({@link
 * Score#LOGIT}, every method's default), the metrics read softmax probabilities.
 *
 * @param options how the metrics run
 */
public record Evaluation(Evaluation.Options options) {

  /**
   * @param pixelsPerStep pixels changed per deletion/insertion step
   * @param pointingGame the pointing game (its tolerance)
   * @param batchSize the most images per forward pass of the metrics
   * @param explainBatchSize the most images explained at once (bounds the memory of a method)
   */
  public record Options(
      int pixelsPerStep, PointingGame pointingGame, int batchSize, int explainBatchSize) {
    public Options {
      if (pixelsPerStep < 1 || batchSize < 1 || explainBatchSize < 1 || pointingGame == null) {
        throw new IllegalArgumentException("evaluation options: pixels per step " + pixelsPerStep
            + ", batch size " + batchSize + " and explain batch size " + explainBatchSize
            + " must be at least 1, and a pointing game is required");
      }
    }

    /** The defaults for {@code height x width} images: H pixels per step, 15 px tolerance. */
    public static Options defaults(int height, int width) {
      return new Options(CausalMetric.defaultPixelsPerStep(height, width),
          PointingGame.published(), DEFAULT_BATCH_SIZE, DEFAULT_EXPLAIN_BATCH_SIZE);
    }
  }

  /** Images per forward pass of the metrics by default. */
  public static final int DEFAULT_BATCH_SIZE = 64;

  /** Images per explain call by default. */
  public static final int DEFAULT_EXPLAIN_BATCH_SIZE = 16;

  public Evaluation {
    if (options == null) {
      throw new IllegalArgumentException("evaluation: options are required");
    }
  }

  /** The progress units of one method on {@code set}: images explained plus {@link #scoringWork}. */
  public long work(EvaluationSet set) {
    return set.count() + scoringWork(set);
  }

  /**
   * The progress units of scoring one method's maps on {@code set}: the forward passes of the
   * deletion and insertion points and of the two confidence passes, counted in images.
   */
  public long scoringWork(EvaluationSet set) {
    int steps = causal(CausalMetric.Mode.DELETION).steps(set.height(), set.width());
    return (long) set.count() * (2L * (steps + 1) + 2);
  }

  /** The labels of the set, or the model's top-1 class per image when it has none. */
  public int[] explainedClasses(Module model, EvaluationSet set) {
    if (set.labels() != null) {
      return set.labels();
    }
    int n = set.count();
    int[] classes = new int[n];
    for (int start = 0; start < n; start += options.batchSize()) {
      int end = Math.min(n, start + options.batchSize());
      try (Scope _ = GradMode.disabled()) {
        Variable logits = model.forward(Variable.constant(set.images().slice(0, start, end)));
        System.arraycopy(logits.value().argmax(1), 0, classes, start, end - start);
      }
    }
    return classes;
  }

  /**
   * Explains the set with {@code method} in batches and scores the maps.
   *
   * @param layer the target layer for methods that use one (null: the method's default)
   * @param seed the seed of stochastic methods (the same for every batch)
   * @param progress called with the number of units just done (see {@link #work})
   */
  public MethodScores evaluate(Module model, EvaluationSet set, int[] classes,
      SaliencyMethod method, String layer, long seed, LongConsumer progress) {
    long started = System.nanoTime();
    SaliencyMap map = explain(model, set, classes, method, layer, seed, progress);
    return score(model, set, map, classes, progress, started);
  }

  /** Scores the centre baseline on the set, exactly as a method's maps. */
  public MethodScores evaluateCentreBaseline(
      Module model, EvaluationSet set, int[] classes, LongConsumer progress) {
    long started = System.nanoTime();
    SaliencyMap map = CentreBaseline.of(classes, set.height(), set.width());
    progress.accept(set.count());
    return score(model, set, map, classes, progress, started);
  }

  /**
   * Scores maps already computed for the whole set (display {@code [N, H, W]}) as explanations
   * of {@code classes}, the classes the method was asked to explain: the metrics read their
   * probabilities, not those of the classes the map records (a set-level method such as {@code
   * ccam} records the set's most common class for every image).
   */
  public MethodScores score(Module model, EvaluationSet set, SaliencyMap map, int[] classes,
      LongConsumer progress) {
    return score(model, set, map, classes, progress, System.nanoTime());
  }

  private MethodScores score(Module model, EvaluationSet set, SaliencyMap map, int[] classes,
      LongConsumer progress, long started) {
    checkClasses(set, classes);
    Tensor images = set.images();
    Tensor display = map.display();
    CausalCurves deletion = causal(CausalMetric.Mode.DELETION)
        .evaluate(model, images, display, classes, progress::accept);
    CausalCurves insertion = causal(CausalMetric.Mode.INSERTION)
        .evaluate(model, images, display, classes, progress::accept);
    ConfidenceChange.Result confidence =
        ConfidenceChange.evaluate(model, images, display, classes, options.batchSize());
    progress.accept(2L * set.count());
    Tensor relevance = RelevanceMass.relevance(map, set.height(), set.width());
    return new MethodScores(map.method(), map.layer(), classes, deletion, insertion, confidence,
        options.pointingGame().tolerance(), options.pointingGame().hits(display, set.masks()),
        EnergyPointingGame.proportions(display, set.masks()),
        RelevanceMass.of(relevance, set.masks()), (System.nanoTime() - started) / 1e9);
  }

  private SaliencyMap explain(Module model, EvaluationSet set, int[] classes,
      SaliencyMethod method, String layer, long seed, LongConsumer progress) {
    checkClasses(set, classes);
    List<Tensor> raw = new ArrayList<>();
    List<Tensor> display = new ArrayList<>();
    String usedLayer = null;
    Map<String, String> notes = Map.of();
    for (int start = 0; start < set.count(); start += options.explainBatchSize()) {
      int end = Math.min(set.count(), start + options.explainBatchSize());
      ExplainRequest request = new ExplainRequest(model, set.images().slice(0, start, end),
          Targets.of(Arrays.copyOfRange(classes, start, end)), Score.LOGIT,
          method.usesLayer() ? layer : null, seed);
      SaliencyMap part = method.explain(request);
      if (part.display().rank() != 3 || part.display().dim(0) != end - start
          || part.display().dim(1) != set.height() || part.display().dim(2) != set.width()) {
        throw new IllegalStateException(method.id() + " returned a display map of shape "
            + part.display().shape() + " for " + (end - start) + " images of " + set.height()
            + " x " + set.width());
      }
      raw.add(part.raw());
      display.add(part.display());
      usedLayer = part.layer();
      notes = start == 0 ? part.notes() : notes;
      progress.accept(end - start);
    }
    return new SaliencyMap(method.id(), Tensor.concat(0, raw.toArray(Tensor[]::new)),
        Tensor.concat(0, display.toArray(Tensor[]::new)), classes, usedLayer, notes);
  }

  private static void checkClasses(EvaluationSet set, int[] classes) {
    if (classes.length != set.count()) {
      throw new IllegalArgumentException(classes.length + " classes for " + set.count()
          + " images; give one per image");
    }
  }

  private CausalMetric causal(CausalMetric.Mode mode) {
    return new CausalMetric(mode, options.pixelsPerStep(), options.batchSize());
  }
}
