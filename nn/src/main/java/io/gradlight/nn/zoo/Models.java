package io.gradlight.nn.zoo;

import io.gradlight.nn.Module;
import io.gradlight.nn.data.ShapeClass;
import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.layers.Activation;
import java.util.List;

/**
 * The model zoo by name: {@code shapesnet} (the default), {@code vgg11}, {@code vgg16}, {@code
 * resnet18}, {@code resnet34}. torchvision's models default to 1000 classes and 224x224 inputs,
 * ShapesNet to the Shapes classes and image size. Load trained weights with {@code
 * model.loadStateDict(StateDict.read(path), true)}.
 */
public final class Models {
  /** The default model's name. */
  public static final String DEFAULT = "shapesnet";

  /** The ImageNet class count torchvision's models default to. */
  public static final int IMAGENET_CLASSES = 1000;

  /** torchvision's usual input size. */
  public static final int IMAGENET_SIZE = 224;

  private static final List<String> NAMES =
      List.of("shapesnet", "vgg11", "vgg16", "resnet18", "resnet34");

  private Models() {}

  /** Every model name, the default first. */
  public static List<String> names() {
    return NAMES;
  }

  /** A new model with its default class count, ReLU and seed 0. */
  public static Module create(String name) {
    return create(name, defaultClasses(name), Activation.RELU, 0);
  }

  /** A new model with weights drawn from seed 0. */
  public static Module create(String name, int classes, Activation activation) {
    return create(name, classes, activation, 0);
  }

  /**
   * A new model in F32 and training mode, weights drawn from {@code seed}.
   *
   * @throws IllegalArgumentException for an unknown name (listing the names) or classes below 1
   */
  public static Module create(String name, int classes, Activation activation, long seed) {
    return switch (check(name)) {
      case "shapesnet" -> new ShapesNet(classes, activation, seed);
      case "vgg11" -> Vgg.vgg11(classes, activation, seed);
      case "vgg16" -> Vgg.vgg16(classes, activation, seed);
      case "resnet18" -> ResNet.resnet18(classes, activation, seed);
      default -> ResNet.resnet34(classes, activation, seed);
    };
  }

  /** The class count a model has by default: 1000, or the number of Shapes classes. */
  public static int defaultClasses(String name) {
    return check(name).equals("shapesnet") ? ShapeClass.COUNT : IMAGENET_CLASSES;
  }

  /** The input size a model is meant for: 224, or the Shapes image size. */
  public static int defaultInputSize(String name) {
    return check(name).equals("shapesnet") ? Shapes.DEFAULT_SIZE : IMAGENET_SIZE;
  }

  /**
   * The layer whose activations CAM-style methods explain by default: the last activation before
   * the global pooling head.
   */
  public static String defaultTargetLayer(String name) {
    return switch (check(name)) {
      case "shapesnet" -> ShapesNet.TARGET_LAYER;
      case "vgg11" -> "features.19";
      case "vgg16" -> "features.29";
      default -> "layer4";
    };
  }

  private static String check(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException(
          "unknown model '" + name + "'; expected one of " + String.join(", ", NAMES));
    }
    return name;
  }
}
