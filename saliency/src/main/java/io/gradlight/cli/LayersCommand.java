package io.gradlight.cli;

import io.gradlight.nn.LayerInfo;
import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.Models;
import io.gradlight.tensor.Shape;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code gradlight layers [--model NAME] [--classes N] [--activation A] [--size PX]}: every layer
 * of a zoo model by dotted name (the names {@code --layer} options and forward hooks take), with
 * its PyTorch description, its output shape for one {@code PX x PX} RGB image and its own parameter
 * count. Runs one forward pass on zeros with freshly initialised weights.
 */
final class LayersCommand implements Command {
  /** The largest input size accepted (a 4096x4096 VGG-16 pass already needs many gigabytes). */
  static final int MAX_SIZE = 4096;

  /** The largest class count accepted. */
  static final int MAX_CLASSES = 100_000;

  private static final String MODEL = "--model";
  private static final String CLASSES = "--classes";
  private static final String ACTIVATION = "--activation";
  private static final String SIZE = "--size";

  @Override
  public String name() {
    return "layers";
  }

  @Override
  public String summary() {
    return "list a model's layers with their output shapes";
  }

  @Override
  public Options options() {
    return new Options(
            name(),
            "List every layer of a model by the dotted name hooks and --layer"
                + " options use, with its output shape for one square RGB image.")
        .value(MODEL, "NAME", "the model: " + String.join(", ", Models.names()), Models.DEFAULT)
        .value(
            CLASSES,
            "N",
            "the number of classes (default: 1000, or the Shapes classes for "
                + Models.DEFAULT
                + ")",
            null)
        .value(
            ACTIVATION,
            "A",
            "the activation in place of every ReLU: " + String.join(", ", activationNames()),
            Activation.RELU.cliName())
        .value(
            SIZE,
            "PX",
            "the input width and height (default: 224, or the Shapes image size"
                + " for "
                + Models.DEFAULT
                + ")",
            null);
  }

  @Override
  public int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception {
    String name = args.value(MODEL);
    if (!Models.names().contains(name)) {
      throw new UsageException(
          "unknown model '" + name + "'; expected one of " + String.join(", ", Models.names()));
    }
    int classes =
        args.value(CLASSES) == null ? Models.defaultClasses(name) : args.intValue(CLASSES);
    if (classes < 1 || classes > MAX_CLASSES) {
      throw new UsageException(CLASSES + " must be from 1 to " + MAX_CLASSES + ", got " + classes);
    }
    int size = args.value(SIZE) == null ? Models.defaultInputSize(name) : args.intValue(SIZE);
    if (size < 1 || size > MAX_SIZE) {
      throw new UsageException(SIZE + " must be from 1 to " + MAX_SIZE + ", got " + size);
    }
    Activation activation;
    try {
      activation = Activation.parse(args.value(ACTIVATION));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }

    Module model = Models.create(name, classes, activation, 0);
    Shape input = Shape.of(1, 3, size, size);
    List<LayerInfo> layers = model.layers(input);
    TextTable table = new TextTable().rightAlign(3).row("name", "layer", "output", "parameters");
    for (LayerInfo l : layers) {
      table.row(
          l.name(),
          l.description(),
          l.outputShape() == null ? "-" : l.outputShape().toString(),
          count(l.parameters()));
    }
    out.printf(
        "%s (%s, %d classes): input %s, %s parameters%n",
        name, activation.cliName(), classes, input, count(model.parameterCount()));
    out.print(table.render());
    return 0;
  }

  private static List<String> activationNames() {
    return List.of(Activation.values()).stream().map(Activation::cliName).toList();
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
