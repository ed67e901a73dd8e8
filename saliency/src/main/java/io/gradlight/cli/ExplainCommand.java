package io.gradlight.cli;

import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.nn.StateDict;
import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.image.PngWriter;
import io.gradlight.nn.image.Preprocessing;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.Models;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.Methods;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.saliency.Score;
import io.gradlight.saliency.TargetLayers;
import io.gradlight.saliency.Targets;
import io.gradlight.saliency.render.Colormap;
import io.gradlight.saliency.render.Overlay;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.NpyWriter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code gradlight explain}: saliency maps of a model's decision for a batch of images or
 * tensors, one or several methods.
 *
 * <p>Writes, into {@code --out DIR} (all at once, see {@link StagedDirectory}):
 *
 * <ul>
 *   <li>{@code <id>.npy} per method, float32: the display map ({@code [H, W]} for one image,
 *       {@code [N, H, W]} for a batch), or with {@code --raw} the raw map in the method's own
 *       shape without the batch axis for one image ({@code [C, H, W]} for input-gradient methods,
 *       {@code [h, w]} at the target layer for CAM methods);
 *   <li>{@code <id>.png} per method (one image) or {@code <id>_<i>.png} per image of a batch:
 *       the display map in colour over the image ({@link Overlay#onImage}), or the coloured map
 *       alone for a tensor input;
 *   <li>{@code logits.npy}, float32 {@code [N, classes]}.
 * </ul>
 *
 * Prints each image's predicted class, then for each method the class (target) and layer it
 * explained, its time and its notes. Unknown methods, layers and classes are usage errors (exit
 * code 2) that list the valid choices. With {@code --method all}, a method that does not apply
 * to the model (e.g. CAM without a global-average-pool head) is skipped with a warning.
 */
final class ExplainCommand implements Command {
  static final String ALL = "all";
  static final String TOP1 = "top1";

  private static final String MODEL = "--model";
  private static final String WEIGHTS = "--weights";
  private static final String CLASSES = "--classes";
  private static final String ACTIVATION = "--activation";
  private static final String INPUT = "--input";
  private static final String MORE_INPUTS = "FILE";
  private static final String METHOD = "--method";
  private static final String LAYER = "--layer";
  private static final String CLASS = "--class";
  private static final String SCORE = "--score";
  private static final String RAW = "--raw";
  private static final String SEED = "--seed";
  private static final String DTYPE = "--dtype";
  private static final String OUT = "--out";
  private static final String COLORMAP = "--colormap";

  @Override
  public String name() {
    return "explain";
  }

  @Override
  public String summary() {
    return "draw saliency maps of a model's decision for images or tensors";
  }

  @Override
  public Options options() {
    return new Options(name(), "Explain a model's decision for a batch of images (PNG or JPEG,"
        + " through the model's preprocessing) or tensors (.npy [C, H, W] or [N, C, H, W], as"
        + " they are) with saliency methods; writes maps (.npy), pictures (.png) and logits.")
        .value(MODEL, "NAME", "the model: " + String.join(", ", Models.names()), Models.DEFAULT)
        .value(WEIGHTS, "FILE", "the model's weights, a safetensors state dict (default: random"
            + " weights, seed 0)", null)
        .value(CLASSES, "N", "the number of classes (default: 1000, or the Shapes classes for "
            + Models.DEFAULT + ")", null)
        .value(ACTIVATION, "A", "the activation in place of every ReLU: " + String.join(", ",
            Arrays.stream(Activation.values()).map(Activation::cliName).toList()),
            Activation.RELU.cliName())
        .repeated(INPUT, "FILE", "an image or tensor to explain; more files may follow")
        .manyPositional(MORE_INPUTS, "more input files, after those given with " + INPUT, 0)
        .value(METHOD, "ID[,ID...]", "the methods, or all: " + String.join(", ", Methods.ids()),
            defaultMethod())
        .value(LAYER, "NAME", "the target layer of layer methods (default: the model's last"
            + " spatial activation; 'gradlight layers' lists the names)", null)
        .value(CLASS, "K|top1", "the class to explain, for every image", TOP1)
        .value(SCORE, "logit|prob|exp", "the function of the logits explained", Score.LOGIT.id())
        .flag(RAW, "write raw maps (signed, unnormalised, the method's resolution) to the .npy"
            + " files instead of display maps")
        .value(SEED, "S", "the seed of stochastic methods", "0")
        .value(DTYPE, "f32|f64", "the precision of the model and the maps", "f32")
        .value(COLORMAP, "NAME", "the colours of the pictures: " + String.join(", ",
            Arrays.stream(Colormap.values()).map(Colormap::id).toList()), Colormap.JET.id())
        .value(OUT, "DIR", "the output directory", "explain");
  }

  /** Grad-CAM when it is registered, else the first registered method. */
  private static String defaultMethod() {
    return Methods.ids().contains("gradcam") ? "gradcam" : Methods.ids().get(0);
  }

  @Override
  public int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception {
    List<String> files = new ArrayList<>(args.values(INPUT));
    files.addAll(args.positionals(MORE_INPUTS));
    if (files.isEmpty()) {
      throw new UsageException("missing " + INPUT + " FILE");
    }
    boolean all = ALL.equals(args.value(METHOD));
    List<String> ids = methods(args.value(METHOD));
    Score score = parse(() -> Score.fromId(args.value(SCORE)));
    Colormap colormap = parse(() -> Colormap.fromId(args.value(COLORMAP)));
    DType dtype = dtype(args.value(DTYPE));
    long seed = seed(args.value(SEED));
    String modelName = args.value(MODEL);
    Module model = model(args, modelName, err).to(dtype);

    ExplainInputs inputs = ExplainInputs.load(files, preprocessing(modelName), dtype);
    Tensor x = inputs.batch();
    String layer = layer(args.value(LAYER), model, modelName, x);
    Tensor logits;
    try (Scope _ = GradMode.disabled()) {
      logits = model.forward(Variable.constant(x)).value();
    }
    Targets targets = targets(args.value(CLASS), logits);
    printPredictions(out, inputs, logits, modelName);

    ExplainRequest request = new ExplainRequest(model, x, targets, score, layer, seed);
    TextTable report = new TextTable().rightAlign(3)
        .row("method", "target", "layer", "seconds", "notes");
    try (StagedDirectory dir = StagedDirectory.create(Path.of(args.value(OUT)))) {
      NpyWriter.write(dir.resolve("logits.npy"), logits.to(DType.F32));
      try (ProgressBar bar = ProgressBar.start("explain", ids.size(), err)) {
        for (String id : ids) {
          SaliencyMethod method = Methods.create(id);
          long start = System.nanoTime();
          SaliencyMap map;
          try {
            map = method.explain(request);
          } catch (IllegalArgumentException | UnsupportedOperationException e) {
            if (!all) {
              throw e;
            }
            err.println("gradlight: skipped " + id + ": " + e.getMessage());
            bar.advance(1);
            continue;
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          write(dir, map, args.flag(RAW), inputs, colormap);
          report.row(id, target(map, score), map.layer() == null ? "-" : map.layer(),
              String.format(Locale.ROOT, "%.2f", seconds), notes(map));
          bar.advance(1);
        }
      }
      dir.commit();
      out.print(report.render());
      out.println("wrote " + dir.target());
    }
    return 0;
  }

  private static List<String> methods(String value) throws UsageException {
    if (ALL.equals(value)) {
      return Methods.ids();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String id : value.split(",", -1)) {
      String trimmed = id.strip();
      if (!Methods.ids().contains(trimmed)) {
        throw new UsageException("unknown method '" + trimmed + "'; expected one of "
            + String.join(", ", Methods.ids()) + ", or " + ALL);
      }
      ids.add(trimmed);
    }
    return List.copyOf(ids);
  }

  private static Module model(ParsedArgs args, String name, PrintStream err) throws Exception {
    if (!Models.names().contains(name)) {
      throw new UsageException("unknown model '" + name + "'; expected one of "
          + String.join(", ", Models.names()));
    }
    int classes = args.value(CLASSES) == null ? Models.defaultClasses(name)
        : args.intValue(CLASSES);
    if (classes < 1 || classes > LayersCommand.MAX_CLASSES) {
      throw new UsageException(CLASSES + " must be from 1 to " + LayersCommand.MAX_CLASSES
          + ", got " + classes);
    }
    Activation activation = parse(() -> Activation.parse(args.value(ACTIVATION)));
    Module model = Models.create(name, classes, activation, 0);
    String weights = args.value(WEIGHTS);
    if (weights != null) {
      model.loadStateDict(StateDict.read(Path.of(weights)), true);
    } else {
      err.println("gradlight: note: no " + WEIGHTS + " given, so " + name + " has random weights"
          + " (seed 0) and the maps explain an untrained network");
    }
    model.eval().requiresGrad(false);
    return model;
  }

  /** shapesnet takes Shapes images in [0, 1]; the torchvision models ImageNet-normalised ones. */
  static Preprocessing preprocessing(String model) {
    int size = Models.defaultInputSize(model);
    return model.equals("shapesnet") ? Preprocessing.unitRange(size) : Preprocessing.imagenet(size);
  }

  private static String layer(String given, Module model, String modelName, Tensor x)
      throws UsageException {
    if (given == null) {
      return Models.defaultTargetLayer(modelName);
    }
    List<String> spatial = TargetLayers.spatialLayers(model, x.shape());
    if (!spatial.contains(given)) {
      throw new UsageException("unknown layer '" + given + "'; layers with a spatial output: "
          + String.join(", ", spatial));
    }
    return given;
  }

  private static Targets targets(String value, Tensor logits) throws UsageException {
    if (TOP1.equals(value)) {
      return Targets.top1();
    }
    int k = logits.dim(1);
    int c;
    try {
      c = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new UsageException(CLASS + " expects a class index or " + TOP1 + ", got '" + value
          + "'");
    }
    if (c < 0 || c >= k) {
      throw new UsageException(CLASS + " " + c + " is out of range; the model has " + k
          + " classes: 0 to " + (k - 1) + ", or " + TOP1);
    }
    int[] classes = new int[logits.dim(0)];
    Arrays.fill(classes, c);
    return Targets.of(classes);
  }

  private static void printPredictions(PrintStream out, ExplainInputs inputs, Tensor logits,
      String model) {
    Tensor p = logits.softmax(1);
    int[] top = logits.argmax(1);
    String[] names = model.equals("shapesnet") && logits.dim(1) == Shapes.classNames().length
        ? Shapes.classNames() : null;
    for (int i = 0; i < inputs.size(); i++) {
      out.printf(Locale.ROOT, "%s: predicted class %d%s (probability %.3f)%n", inputs.name(i),
          top[i], names == null ? "" : " " + names[top[i]], p.get(i, top[i]));
    }
  }

  private static void write(StagedDirectory dir, SaliencyMap map, boolean raw,
      ExplainInputs inputs, Colormap colormap) throws Exception {
    Tensor values = raw ? map.raw() : map.display();
    int n = inputs.size();
    NpyWriter.write(dir.resolve(map.method() + ".npy"),
        (n == 1 ? values.squeeze(0) : values).to(DType.F32));
    for (int i = 0; i < n; i++) {
      Tensor heat = map.display().slice(0, i, i + 1).squeeze(0);
      Tensor picture = inputs.picture(i) == null ? Overlay.heat(heat, colormap)
          : Overlay.onImage(heat, inputs.picture(i), colormap);
      PngWriter.writeRgb(picture, dir.resolve(map.method() + (n == 1 ? "" : "_" + i) + ".png"));
    }
  }

  private static String target(SaliencyMap map, Score score) {
    int[] c = map.classes();
    boolean same = Arrays.stream(c).allMatch(v -> v == c[0]);
    return (same ? "class " + c[0] : "classes " + Arrays.toString(c)) + " (" + score.id() + ")";
  }

  private static String notes(SaliencyMap map) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(map.notes()).entrySet()) {
      b.append(b.isEmpty() ? "" : "; ").append(e.getKey()).append(' ').append(e.getValue());
    }
    return b.toString();
  }

  private static DType dtype(String value) throws UsageException {
    return switch (value) {
      case "f32" -> DType.F32;
      case "f64" -> DType.F64;
      default -> throw new UsageException(DTYPE + " expects f32 or f64, got '" + value + "'");
    };
  }

  private static long seed(String value) throws UsageException {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UsageException(SEED + " expects an integer, got '" + value + "'");
    }
  }

  /** Runs a parse step whose IllegalArgumentException is a usage error. */
  private static <T> T parse(Supplier<T> step) throws UsageException {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
