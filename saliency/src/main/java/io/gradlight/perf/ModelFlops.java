package io.gradlight.perf;

import io.gradlight.nn.LayerInfo;
import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Conv2d;
import io.gradlight.nn.layers.Linear;
import io.gradlight.tensor.Shape;
import java.util.Map;

/**
 * The FLOP count of a model's forward pass, as GEMM and convolution figures are counted: two per
 * multiply-add of every convolution and linear layer, nothing for the rest (BatchNorm, ReLU,
 * pooling and additions are a few percent of a CNN's work and memory-bound). From each layer's
 * output shape:
 *
 * <pre>
 *   conv2d:  2 * size(output) * cIn * kh * kw        (groups = 1)
 *   linear:  2 * size(output) * inFeatures
 * </pre>
 *
 * ResNet-18 at 224 x 224 counts 3.64 GFLOP (1.82 G multiply-adds, the figure usually quoted).
 */
final class ModelFlops {
  private ModelFlops() {}

  /** The forward FLOPs of {@code model} for an input {@code [N, C, H, W]}: N times one image's. */
  static long forward(Module model, Shape input) {
    Shape one = Shape.of(1, input.dim(1), input.dim(2), input.dim(3));
    Map<String, Module> modules = model.namedModules();
    long multiplyAdds = 0;
    for (LayerInfo info : model.layers(one)) {
      Shape out = info.outputShape();
      Module m = modules.get(info.name());
      if (out == null) {
        continue; // the layer did not run
      }
      if (m instanceof Conv2d c) {
        Shape w = c.weight().shape();
        multiplyAdds += (long) out.size() * w.dim(1) * w.dim(2) * w.dim(3);
      } else if (m instanceof Linear l) {
        multiplyAdds += (long) out.size() * l.weight().shape().dim(1);
      }
    }
    return 2 * multiplyAdds * input.dim(0);
  }
}
