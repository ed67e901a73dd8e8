package io.gradlight.saliency.sanity;

/** The sanity tests {@link SanityCheck} runs, with their ids in tables and CSV files. */
public enum SanityTest {
  /** The top {@code k} layer groups re-initialised (Adebayo et al. 2018, section 3.1). */
  CASCADING("cascading"),
  /** One layer group re-initialised, the others trained (Adebayo et al. 2018, section 3.2). */
  INDEPENDENT("independent"),
  /** The trained model explained for a random other class (Sixt et al. 2020). */
  RANDOM_LOGIT("random-logit"),
  /** A model trained on permuted labels (Adebayo et al. 2018, section 4). */
  LABEL("label");

  private final String id;

  SanityTest(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
