package io.gradlight.cli;

import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.nn.StateDict;
import io.gradlight.nn.data.ShapeClass;
import io.gradlight.nn.image.Preprocessing;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.train.Checkpoint;
import io.gradlight.nn.train.ShippedWeights;
import io.gradlight.nn.zoo.Models;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.NpyReader;
import io.gradlight.tensor.io.SafetensorsFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code gradlight predict [--model NAME] [--weights FILE] [--classes N] --input FILE}: the top-5
 * classes of an image or a tensor, with their softmax probabilities.
 *
 * <p>Weights: a gradlight checkpoint ({@code gradlight train}) names its model, activation and
 * classes; any other safetensors state dict (a torchvision one, say) is loaded strictly into
 * {@code --model} with {@code --classes}; without {@code --weights}, the weights shipped for the
 * model ({@link ShippedWeights}, shapesnet only).
 *
 * <p>Input: a {@code .npy} array (recognised by its magic bytes) is the model's input as it is,
 * {@code [C, H, W]} or {@code [N, C, H, W]}, no preprocessing; a PNG or JPEG is decoded and
 * preprocessed for the model: shapesnet takes the 64 x 64 image with values in [0, 1], the
 * torchvision models 224 x 224 with ImageNet's mean and standard deviation (see {@link
 * Preprocessing}). Nothing is written.
 */
final class PredictCommand implements Command {
  /** The number of classes listed per image. */
  static final int TOP = 5;

  private static final String MODEL = "--model";
  private static final String WEIGHTS = "--weights";
  private static final String CLASSES = "--classes";
  private static final String INPUT = "--input";

  @Override
  public String name() {
    return "predict";
  }

  @Override
  public String summary() {
    return "print a model's top-5 classes for an image or a .npy tensor";
  }

  @Override
  public Options options() {
    return new Options(name(), "Print the " + TOP + " most probable classes of an image (PNG or"
        + " JPEG, preprocessed for the model) or of a .npy tensor ([C, H, W] or [N, C, H, W],"
        + " taken as it is), with their softmax probabilities.")
        .value(INPUT, "FILE", "a PNG or JPEG image, or a .npy tensor", null)
        .value(MODEL, "NAME", "the model: " + String.join(", ", Models.names()) + " (default: "
            + Models.DEFAULT + "; a gradlight checkpoint names its own)", null)
        .value(WEIGHTS, "FILE", "a safetensors file: a gradlight checkpoint or a state dict"
            + " (default: the weights shipped with gradlight, shapesnet only)", null)
        .value(CLASSES, "N", "the class count of a plain state dict (default: 8 for shapesnet,"
            + " 1000 for the others)", null);
  }

  /** A model ready to predict, with its zoo name and class names. */
  private record Loaded(String name, Module model, List<String> classNames) {}

  @Override
  public int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception {
    String input = args.value(INPUT);
    if (input == null || input.isBlank()) {
      throw new UsageException("missing " + INPUT + " FILE");
    }
    boolean modelGiven = args.value(MODEL) != null;
    String modelName = modelGiven ? args.value(MODEL) : Models.DEFAULT;
    if (!Models.names().contains(modelName)) {
      throw new UsageException("unknown model '" + modelName + "'; expected one of "
          + String.join(", ", Models.names()));
    }
    Integer classes = args.value(CLASSES) == null ? null : args.intValue(CLASSES);
    if (classes != null && classes < 1) {
      throw new UsageException(CLASSES + " must be at least 1, got " + classes);
    }
    String weights = args.value(WEIGHTS);
    if (weights == null && !ShippedWeights.available(modelName)) {
      throw new UsageException("no trained weights ship for " + modelName + "; give "
          + WEIGHTS + " FILE");
    }
    Path inputPath = existingFile(input);
    Loaded loaded = weights == null
        ? fromCheckpoint(ShippedWeights.checkpoint(modelName), modelName, classes)
        : load(existingFile(weights), modelName, classes, modelGiven);
    Tensor x = readInput(inputPath, loaded);
    Tensor probabilities;
    try (Scope _ = GradMode.disabled()) {
      Variable logits = loaded.model().forward(Variable.constant(x));
      probabilities = logits.value().softmax(1);
    }
    out.print(table(probabilities, loaded.classNames()));
    return 0;
  }

  private static Path existingFile(String name) throws CliException {
    Path path = Path.of(name);
    if (Files.isDirectory(path)) {
      throw new CliException(name + ": is a directory, not a file");
    }
    if (!Files.isRegularFile(path)) {
      throw new CliException(name + ": no such file");
    }
    return path;
  }

  /** A gradlight checkpoint, or a plain state dict for {@code modelName}. */
  private static Loaded load(Path weights, String modelName, Integer classes,
      boolean modelGiven) throws IOException, CliException {
    boolean checkpoint;
    try (SafetensorsFile f = SafetensorsFile.open(weights)) {
      checkpoint = f.metadata().containsKey(Checkpoint.MODEL);
    }
    if (checkpoint) {
      return fromCheckpoint(Checkpoint.load(weights), modelGiven ? modelName : null, classes);
    }
    int count = classes == null ? Models.defaultClasses(modelName) : classes;
    Module model = Models.create(modelName, count, Activation.RELU, 0);
    try {
      model.loadStateDict(StateDict.read(weights), true);
    } catch (IllegalArgumentException e) {
      throw new CliException(weights + ": not " + modelName + " weights with " + count
          + " classes: " + e.getMessage(), e);
    }
    return new Loaded(modelName, model.eval(), defaultClassNames(modelName, count));
  }

  private static Loaded fromCheckpoint(Checkpoint c, String modelName, Integer classes)
      throws CliException {
    if (modelName != null && !modelName.equals(c.model())) {
      throw new CliException("the weights are a " + c.model() + " checkpoint, not " + modelName);
    }
    if (classes != null && classes != c.classCount()) {
      throw new CliException("the checkpoint has " + c.classCount() + " classes, not " + classes);
    }
    try {
      return new Loaded(c.model(), c.newModel(), c.classNames());
    } catch (IllegalArgumentException e) {
      throw new CliException("the checkpoint does not fit " + c.model() + ": " + e.getMessage(),
          e);
    }
  }

  private static List<String> defaultClassNames(String model, int count) {
    if (model.equals("shapesnet") && count == ShapeClass.COUNT) {
      return List.of(ShapeClass.names());
    }
    List<String> names = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      names.add("class " + k);
    }
    return names;
  }

  /** The model's input: a .npy tensor as it is, or a preprocessed image. */
  private static Tensor readInput(Path path, Loaded loaded) throws IOException, CliException {
    int channels = 3;
    if (isNpy(path)) {
      Tensor x = NpyReader.tensor(path);
      if (x.rank() == 3) {
        x = x.unsqueeze(0);
      }
      if (x.rank() != 4 || x.dim(0) < 1) {
        throw new CliException(path + ": expected a tensor [C, H, W] or [N, C, H, W], got "
            + x.shape());
      }
      if (x.dim(1) != channels) {
        throw new CliException(path + ": the input has " + x.dim(1) + " channels, " + loaded.name()
            + " expects " + channels + " (shape " + x.shape() + ")");
      }
      return x.to(loaded.model().dtype());
    }
    int size = Models.defaultInputSize(loaded.name());
    Preprocessing prep = loaded.name().equals("shapesnet")
        ? Preprocessing.unitRange(size) : Preprocessing.imagenet(size);
    return prep.load(path).to(loaded.model().dtype());
  }

  private static boolean isNpy(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return NpyReader.hasMagic(in.readNBytes(8));
    }
  }

  /** The top classes of each row: {@code rank  class  probability}. */
  static String table(Tensor probabilities, List<String> classNames) {
    StringBuilder b = new StringBuilder();
    int n = probabilities.dim(0);
    int k = probabilities.dim(1);
    double[] p = probabilities.toDoubleArray();
    for (int i = 0; i < n; i++) {
      if (n > 1) {
        b.append("image ").append(i).append(":\n");
      }
      TextTable t = new TextTable().rightAlign(0, 2);
      List<Integer> order = new ArrayList<>();
      for (int c = 0; c < k; c++) {
        order.add(c);
      }
      int row = i * k;
      order.sort((c1, c2) -> Double.compare(p[row + c2], p[row + c1]));
      for (int r = 0; r < Math.min(TOP, k); r++) {
        int c = order.get(r);
        t.row(String.valueOf(r + 1), classNames.get(c),
            String.format(Locale.ROOT, "%.4f", p[row + c]));
      }
      b.append(t.render());
    }
    return b.toString();
  }
}
