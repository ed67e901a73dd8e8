package io.gradlight.saliency.cam;

import io.gradlight.tensor.Shape;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * How Pyramid Grad-CAM chooses the stages of an arbitrary model: from the order in which layers
 * finish in the forward pass (a container finishes after its children), keep the layers with
 * spatial outputs {@code [N, C, h, w]} up to the target layer; a stage ends at the last layer
 * before the spatial size changes, and the target layer ends the last stage. So a stage's output
 * is the last map at each resolution up to the target:
 *
 * <ul>
 *   <li>ShapesNet (target {@code features.14}): {@code features.2, 6, 10, 14}, the activations
 *       before each max-pool and the last one;
 *   <li>VGG (target {@code features.19} of vgg11): the ReLU before each max-pool,
 *       {@code features.1, 4, 9, 14, 19};
 *   <li>ResNet (target {@code layer4}): the stem's {@code relu} (before its max-pool), then
 *       {@code layer1} to {@code layer4} (each stage's container finishes last at its size).
 * </ul>
 *
 * A layer that runs more than once (a shared activation module) stands for its last output.
 */
final class PyramidStages {
  /** A layer that finished, with its output shape. */
  record Finished(String name, Shape shape) {}

  private PyramidStages() {}

  /** The stage layers, shallow to deep, given layers in finishing order. */
  static List<String> select(List<Finished> order, String target) {
    int end = -1;
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).name().equals(target)) {
        end = i;
      }
    }
    if (end < 0) {
      throw new IllegalArgumentException("pyramid-gradcam: the target layer '" + target
          + "' did not run in the forward pass");
    }
    List<Finished> spatial = new ArrayList<>();
    for (Finished f : order.subList(0, end + 1)) {
      if (f.shape().rank() == 4) {
        spatial.add(f);
      }
    }
    LinkedHashSet<String> stages = new LinkedHashSet<>();
    for (int i = 0; i < spatial.size(); i++) {
      boolean last = i == spatial.size() - 1;
      if (last || !sameSize(spatial.get(i).shape(), spatial.get(i + 1).shape())) {
        stages.add(spatial.get(i).name());
      }
    }
    return List.copyOf(stages);
  }

  private static boolean sameSize(Shape a, Shape b) {
    return a.dim(2) == b.dim(2) && a.dim(3) == b.dim(3);
  }
}
