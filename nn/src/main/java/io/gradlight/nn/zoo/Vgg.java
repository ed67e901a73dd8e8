package io.gradlight.nn.zoo;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.layers.AdaptiveAvgPool2d;
import io.gradlight.nn.layers.Conv2d;
import io.gradlight.nn.layers.Dropout;
import io.gradlight.nn.layers.Linear;
import io.gradlight.nn.layers.MaxPool2d;
import io.gradlight.nn.layers.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * torchvision's VGG without batch norm, with its module and parameter names:
 *
 * <pre>
 *   features:   per configuration entry, a 3x3 conv (padding 1, bias) + relu, or a 2x2/2 max-pool
 *   avgpool:    adaptive to 7x7 (so any input size works; 64x64 inputs give 2x2 -> 7x7)
 *   flatten, classifier: Linear(512*7*7, 4096), relu, Dropout(0.5), Linear(4096, 4096), relu,
 *               Dropout(0.5), Linear(4096, classes)
 * </pre>
 *
 * VGG-11 is configuration A, {@code 64 M 128 M 256 256 M 512 512 M 512 512 M} (its last ReLU is
 * {@code features.19}); VGG-16 is D, {@code 64 64 M 128 128 M 256 256 256 M 512 512 512 M 512 512
 * 512 M} (last ReLU {@code features.29}). Every ReLU is the chosen {@link Activation}; the dropout
 * masks come from the seed too. Weights start as PyTorch's layer defaults.
 */
public final class Vgg extends Module {
  /** A max-pool in a configuration. */
  private static final int POOL = 0;

  private static final int[] VGG11 = {
    64, POOL, 128, POOL, 256, 256, POOL, 512, 512, POOL, 512, 512, POOL
  };
  private static final int[] VGG16 = {
    64, 64, POOL, 128, 128, POOL, 256, 256, 256, POOL, 512, 512, 512, POOL, 512, 512, 512, POOL
  };
  private static final int POOLED_SIZE = 7;
  private static final int HIDDEN = 4096;
  private static final double DROPOUT = 0.5;

  private final Sequential features;
  private final AdaptiveAvgPool2d avgpool;
  private final Sequential classifier;

  private Vgg(int[] config, int classes, Activation activation, long seed) {
    if (classes < 1) {
      throw new IllegalArgumentException("VGG needs at least one class, got " + classes);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    List<Module> layers = new ArrayList<>();
    int in = 3;
    for (int channels : config) {
      if (channels == POOL) {
        layers.add(new MaxPool2d(2));
      } else {
        layers.add(new Conv2d(in, channels, 3, 1, 1, true, rng));
        layers.add(activation.create());
        in = channels;
      }
    }
    this.features = addModule("features", new Sequential(layers));
    this.avgpool = addModule("avgpool", new AdaptiveAvgPool2d(POOLED_SIZE));
    this.classifier =
        addModule(
            "classifier",
            new Sequential(
                new Linear(in * POOLED_SIZE * POOLED_SIZE, HIDDEN, true, rng),
                activation.create(),
                new Dropout(DROPOUT, rng.nextLong()),
                new Linear(HIDDEN, HIDDEN, true, rng),
                activation.create(),
                new Dropout(DROPOUT, rng.nextLong()),
                new Linear(HIDDEN, classes, true, rng)));
  }

  /** VGG-11 (configuration A). */
  public static Vgg vgg11(int classes, Activation activation, long seed) {
    return new Vgg(VGG11, classes, activation, seed);
  }

  /** VGG-16 (configuration D). */
  public static Vgg vgg16(int classes, Activation activation, long seed) {
    return new Vgg(VGG16, classes, activation, seed);
  }

  @Override
  protected Variable compute(Variable x) {
    Variable y = avgpool.forward(features.forward(x));
    return classifier.forward(y.reshape(y.shape().dim(0), -1));
  }
}
