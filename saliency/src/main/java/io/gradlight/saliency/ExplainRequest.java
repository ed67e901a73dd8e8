package io.gradlight.saliency;

import io.gradlight.nn.Module;
import io.gradlight.tensor.Tensor;

/**
 * What to explain: a model (run as given: put it in eval mode first, as the CLI does), a batch
 * of inputs {@code [N, C, H, W]} in the model's preprocessing, the targets, the score function,
 * the target layer for layer-based methods (a dotted name; see {@link TargetLayers} for the
 * default), and the seed of stochastic methods (the same seed gives the same map on any thread
 * count).
 */
public record ExplainRequest(
    Module model, Tensor input, Targets targets, Score score, String layer, long seed) {

  public ExplainRequest {
    if (model == null || input == null || targets == null || score == null) {
      throw new IllegalArgumentException("explain: model, input, targets and score are required");
    }
    if (input.rank() != 4 || input.dim(0) < 1) {
      throw new IllegalArgumentException("explain: the input must be a batch [N, C, H, W] with N >= 1, got "
          + input.shape());
    }
    if (input.dtype() != model.dtype()) {
      throw new IllegalArgumentException("explain: the input is " + input.dtype() + " but the model is "
          + model.dtype() + "; convert one with to(DType)");
    }
    if (layer != null) {
      model.module(layer); // fails with the list of valid names
    }
  }

  /** A request for the top-1 class, logit score, default layer and seed 0. */
  public static ExplainRequest of(Module model, Tensor input) {
    return new ExplainRequest(model, input, Targets.top1(), Score.LOGIT, null, 0L);
  }

  public ExplainRequest withTargets(Targets t) {
    return new ExplainRequest(model, input, t, score, layer, seed);
  }

  public ExplainRequest withScore(Score s) {
    return new ExplainRequest(model, input, targets, s, layer, seed);
  }

  public ExplainRequest withLayer(String l) {
    return new ExplainRequest(model, input, targets, score, l, seed);
  }

  public ExplainRequest withSeed(long s) {
    return new ExplainRequest(model, input, targets, score, layer, s);
  }

  public ExplainRequest withInput(Tensor x) {
    return new ExplainRequest(model, x, targets, score, layer, seed);
  }

  /** The target layer: the one given, or {@link TargetLayers#defaultFor}. */
  public String layerOrDefault() {
    return layer != null ? layer : TargetLayers.defaultFor(model, input.shape());
  }

  public int batchSize() {
    return input.dim(0);
  }
}
