package io.gradlight.demo;

import java.util.List;

/**
 * How much work {@link Demo} does. The defaults fit the demo into about three minutes on two cores;
 * {@link #tiny()} is for tests.
 *
 * @param images the Shapes images every method explains (and the metrics score)
 * @param seed the seed of the images (not the training seeds 1 and 2) and of stochastic methods
 * @param riseMasks RISE's masks in the methods section (the method's default is 2000)
 * @param pixelsPerStep pixels removed or inserted per step of the deletion and insertion curves
 * @param sanityImages the images of the sanity checks (the first of {@code images})
 * @param sanityRepeats the seeded draws of re-initialised weights per randomisation step
 * @param sanityMethods the methods the sanity checks run: those cheap enough to explain twelve
 *     times (the expensive ones run with {@code gradlight sanity})
 * @param lieRiseMasks RISE's masks on the manipulated network (the same seed on both networks, so
 *     fewer masks still show whether the maps move)
 * @param cleverHansCount the cued and clean images the accuracies are measured on
 * @param cleverHansExplained the cued images whose maps give the relevance masses
 * @param cleverHansMethods the methods of the Clever-Hans section
 */
public record DemoConfig(
    int images,
    long seed,
    int riseMasks,
    int pixelsPerStep,
    int sanityImages,
    int sanityRepeats,
    List<String> sanityMethods,
    int lieRiseMasks,
    int cleverHansCount,
    int cleverHansExplained,
    List<String> cleverHansMethods) {

  /** The methods with known sanity results, and the other fast ones. */
  private static final List<String> FAST_METHODS =
      List.of(
          "gradient",
          "gradient-x-input",
          "guided-backprop",
          "deconvnet",
          "cam",
          "gradcam",
          "hirescam",
          "xgradcam",
          "layercam",
          "gradcam++",
          "guided-gradcam",
          "pyramid-gradcam",
          "eigencam");

  public DemoConfig {
    if (images < 1 || sanityImages < 1 || sanityImages > images) {
      throw new IllegalArgumentException(
          "demo: need 1 <= sanity images <= images, got " + sanityImages + " of " + images);
    }
    if (sanityRepeats < 1) {
      throw new IllegalArgumentException("demo: sanity repeats must be >= 1, got " + sanityRepeats);
    }
    if (riseMasks < 1 || lieRiseMasks < 1 || pixelsPerStep < 1) {
      throw new IllegalArgumentException(
          "demo: RISE masks and pixels per step must be at least 1, got "
              + riseMasks
              + ", "
              + lieRiseMasks
              + " and "
              + pixelsPerStep);
    }
    if (cleverHansExplained < 1 || cleverHansExplained > cleverHansCount) {
      throw new IllegalArgumentException(
          "demo: need 1 <= Clever-Hans explained images <= count, got "
              + cleverHansExplained
              + " of "
              + cleverHansCount);
    }
    sanityMethods = List.copyOf(sanityMethods);
    cleverHansMethods = List.copyOf(cleverHansMethods);
  }

  /** The demo's defaults: eight images (one per class), the fast methods in the sanity checks. */
  public static DemoConfig defaults() {
    return new DemoConfig(8, 3, 500, 128, 8, 2, FAST_METHODS, 300, 400, 8, FAST_METHODS);
  }
}
