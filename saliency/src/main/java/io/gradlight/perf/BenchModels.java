package io.gradlight.perf;

import io.gradlight.nn.Module;
import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.train.ShippedWeights;
import io.gradlight.nn.zoo.Models;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/**
 * The models and inputs of the model and method workloads, as {@code gradlight explain} runs
 * them: in evaluation mode with parameters that need no gradient. ResNet-18 has torchvision's
 * layout and random weights from a fixed seed (time does not depend on the weights' values;
 * {@code scripts/bench_torch.py} uses torchvision's random ones); {@code shapesnet} has the
 * trained weights that ship with gradlight, since Score-CAM's skipped channels depend on them.
 */
final class BenchModels {
  static final String RESNET18 = "resnet18";
  static final String SHAPESNET = "shapesnet";
  private static final long SEED = 0;

  private BenchModels() {}

  /** ResNet-18, 1000 classes, weights drawn from a fixed seed. */
  static Module resnet18() {
    return Models.create(RESNET18, Models.IMAGENET_CLASSES, Activation.RELU, SEED).eval()
        .requiresGrad(false);
  }

  /** The shipped, trained {@code shapesnet}. */
  static Module shapesnet() {
    try {
      return ShippedWeights.model(SHAPESNET).requiresGrad(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shipped shapesnet weights", e);
    }
  }

  /** {@code [batch, 3, size, size]} standard-normal pixels: ImageNet-normalised noise. */
  static Tensor images(int batch, int size) {
    return Tensor.normal(DType.F32, Shape.of(batch, 3, size, size), 0, 1,
        new SplittableRandom(SEED));
  }

  /** The first Shapes image of the standard set, {@code [1, 3, 64, 64]} in [0, 1]. */
  static Tensor shapesImage() {
    return Shapes.standard().sample(0, SEED).image().unsqueeze(0);
  }

  /** {@code [1, 3, 224, 224]}-style text for a batch of square RGB images. */
  static String shape(int batch, int size) {
    return Shape.of(batch, 3, size, size).toString();
  }
}
