package io.gradlight.saliency;

import io.gradlight.nn.LayerInfo;
import io.gradlight.nn.Module;
import io.gradlight.tensor.Shape;
import java.util.List;

/**
 * The default target layer of layer-based methods: the last top-level child of the model whose
 * output is still a spatial map ({@code [N, C, h, w]} with {@code h * w > 1}), i.e. the last
 * block before the global pool: {@code layer4} of a ResNet, {@code features} of a VGG or of
 * {@code shapesnet}. (The CLI prefers the zoo's named default, {@code Models.defaultTargetLayer},
 * which names the same activation more precisely, e.g. {@code features.14}.)
 */
public final class TargetLayers {
  private TargetLayers() {}

  /** The default layer for {@code model} at input shape {@code input}. */
  public static String defaultFor(Module model, Shape input) {
    String best = null;
    for (LayerInfo info : model.layers(input)) {
      Shape s = info.outputShape();
      boolean topLevel = !info.name().contains(".");
      if (topLevel && s != null && s.rank() == 4 && s.dim(2) * s.dim(3) > 1) {
        best = info.name();
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("no layer of the model has a spatial output for input "
          + input + "; give the target layer by name");
    }
    return best;
  }

  /** The names of every layer with a spatial output, for error messages and the CLI. */
  public static List<String> spatialLayers(Module model, Shape input) {
    return model.layers(input).stream()
        .filter(i -> i.outputShape() != null && i.outputShape().rank() == 4)
        .map(LayerInfo::name)
        .toList();
  }
}
