package io.gradlight.nn.zoo;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.layers.AdaptiveAvgPool2d;
import io.gradlight.nn.layers.BatchNorm2d;
import io.gradlight.nn.layers.Conv2d;
import io.gradlight.nn.layers.Linear;
import io.gradlight.nn.layers.MaxPool2d;
import io.gradlight.nn.layers.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * gradlight's default model, small enough to train on two cores and shaped for CAM: four
 * conv-BN-activation blocks, the first three followed by a 2x2 max-pool, then a global average pool
 * and one linear layer, so the head after the last activation is exactly GAP + Linear.
 *
 * <pre>
 *   features.0  conv 3x3 (3 -> 16, padding 1, no bias)   features.1  bn   features.2  relu
 *   features.3  max-pool 2x2/2                                                       (64 -> 32)
 *   features.4  conv 3x3 (16 -> 32)   features.5  bn   features.6  relu   features.7  max-pool
 *   features.8  conv 3x3 (32 -> 64)   features.9  bn   features.10 relu   features.11 max-pool
 *   features.12 conv 3x3 (64 -> 128)  features.13 bn   features.14 relu            (8x8 at 64)
 *   avgpool     adaptive to 1x1,  flatten,  fc  Linear(128 -> classes)
 * </pre>
 *
 * The CAM / Grad-CAM target layer is {@link #TARGET_LAYER}. About 98,000 parameters (under 0.4 MB
 * in F32) for 8 classes; any input size of at least 8x8 works.
 */
public final class ShapesNet extends Module {
  /** The last activation: the feature maps CAM weights with {@code fc}. */
  public static final String TARGET_LAYER = "features.14";

  private static final int[] WIDTHS = {16, 32, 64, 128};

  private final Sequential features;
  private final AdaptiveAvgPool2d avgpool;
  private final Linear fc;

  public ShapesNet(int classes, Activation activation, long seed) {
    if (classes < 1) {
      throw new IllegalArgumentException("ShapesNet needs at least one class, got " + classes);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    List<Module> layers = new ArrayList<>();
    int in = 3;
    for (int i = 0; i < WIDTHS.length; i++) {
      layers.add(new Conv2d(in, WIDTHS[i], 3, 1, 1, false, rng));
      layers.add(new BatchNorm2d(WIDTHS[i]));
      layers.add(activation.create());
      if (i < WIDTHS.length - 1) {
        layers.add(new MaxPool2d(2));
      }
      in = WIDTHS[i];
    }
    this.features = addModule("features", new Sequential(layers));
    this.avgpool = addModule("avgpool", new AdaptiveAvgPool2d(1));
    this.fc = addModule("fc", new Linear(in, classes, true, rng));
  }

  /** The classifier after the global average pool (CAM's weights). */
  public Linear fc() {
    return fc;
  }

  @Override
  protected Variable compute(Variable x) {
    Variable y = avgpool.forward(features.forward(x));
    return fc.forward(y.reshape(y.shape().dim(0), -1));
  }
}
