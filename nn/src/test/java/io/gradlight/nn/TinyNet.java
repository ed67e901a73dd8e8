package io.gradlight.nn;

import io.gradlight.nn.layers.AdaptiveAvgPool2d;
import io.gradlight.nn.layers.BatchNorm2d;
import io.gradlight.nn.layers.Conv2d;
import io.gradlight.nn.layers.Flatten;
import io.gradlight.nn.layers.Linear;
import io.gradlight.nn.layers.ReLU;
import io.gradlight.nn.layers.Sequential;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.SplittableRandom;

/** A small conv net for module tests: conv, batch norm, ReLU, global pool, flatten, linear. */
final class TinyNet {
  /** Its state-dict names, in PyTorch's order. */
  static final String[] NAMES = {
    "0.weight",
    "0.bias",
    "1.weight",
    "1.bias",
    "1.running_mean",
    "1.running_var",
    "1.num_batches_tracked",
    "5.weight",
    "5.bias"
  };

  private TinyNet() {}

  /** {@code [N, 2, H, W] -> [N, 4]}, weights from {@code seed}. */
  static Sequential create(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return new Sequential(
        new Conv2d(2, 3, 3, 1, 1, true, rng),
        new BatchNorm2d(3),
        new ReLU(),
        new AdaptiveAvgPool2d(1),
        new Flatten(),
        new Linear(3, 4, true, rng));
  }

  /** A seeded standard-normal input {@code [2, 2, 5, 4]}. */
  static Tensor input(DType dtype, long seed) {
    return Tensor.normal(dtype, Shape.of(2, 2, 5, 4), 0, 1, new SplittableRandom(seed));
  }
}
