package io.gradlight.saliency;

import io.gradlight.tensor.Tensor;
import java.util.Map;

/**
 * One method's explanation of a batch, in two forms (see {@link Display}):
 *
 * <ul>
 *   <li>{@code raw}: the method's combination before its final ReLU and before any normalisation
 *       or resize, at the resolution where the method computes it, signed where the method is
 *       signed: {@code [N, h, w]} at the target layer for CAM methods, {@code [N, C, H, W]} for
 *       input-gradient methods, {@code [N, H, W]} for perturbation methods;
 *   <li>{@code display}: {@code [N, H, W]} in [0, 1] at the input size.
 * </ul>
 *
 * @param method the method's id, e.g. {@code gradcam}
 * @param classes the class explained for each image
 * @param layer the target layer, or null for methods that use none
 * @param notes facts about the run worth printing, e.g. Score-CAM's skipped channel count
 */
public record SaliencyMap(
    String method, Tensor raw, Tensor display, int[] classes, String layer, Map<String, String> notes) {

  public SaliencyMap {
    notes = Map.copyOf(notes);
    classes = classes.clone();
  }
}
