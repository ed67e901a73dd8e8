package io.gradlight.saliency;

/**
 * A saliency method: explains a batch for explicit targets (see {@link ExplainRequest}) and
 * returns raw and display maps ({@link SaliencyMap}). Implementations are immutable values
 * holding their options; the registry {@link Methods} creates them by CLI id with the paper's
 * defaults. The math of each method, its paper equation and its conventions are in its javadoc.
 */
public interface SaliencyMethod {

  /** The CLI id, e.g. {@code gradcam++}. */
  String id();

  /** The paper, e.g. {@code Selvaraju et al., Grad-CAM, ICCV 2017}. */
  String paper();

  /** Whether the method explains a layer's activations (and so uses the target layer). */
  boolean usesLayer();

  /** Explains the request's batch. */
  SaliencyMap explain(ExplainRequest request);
}
