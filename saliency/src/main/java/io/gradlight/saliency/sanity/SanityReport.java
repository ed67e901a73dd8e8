package io.gradlight.saliency.sanity;

import java.util.List;

/**
 * What {@link SanityCheck#run} found.
 *
 * @param groups the layer groups re-initialised, from the top down
 * @param classes the class explained for each image: the trained model's top-1
 * @param randomClasses the other class each image was explained for in the random-logit test
 *     (empty for a one-class model, where the test cannot run)
 * @param layer the target layer of layer-based methods
 * @param repeats the random draws of re-initialised weights per randomisation step
 * @param ssimWindow the side of SSIM's uniform window
 * @param methods each method's results, in the order given
 */
public record SanityReport(List<LayerGroup> groups, int[] classes, int[] randomClasses,
    String layer, int repeats, int ssimWindow, List<MethodSanity> methods) {

  public SanityReport {
    groups = List.copyOf(groups);
    classes = classes.clone();
    randomClasses = randomClasses.clone();
    methods = List.copyOf(methods);
  }

  @Override
  public int[] classes() {
    return classes.clone();
  }

  @Override
  public int[] randomClasses() {
    return randomClasses.clone();
  }

  /** The results of method {@code id}. */
  public MethodSanity method(String id) {
    return methods.stream().filter(m -> m.method().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no sanity results for method '" + id
            + "'; the report has " + methods.stream().map(MethodSanity::method).toList()));
  }
}
