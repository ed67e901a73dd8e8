package io.gradlight.cli;

import io.gradlight.nn.Module;
import io.gradlight.nn.StateDict;
import io.gradlight.nn.data.ShapeClass;
import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.image.Preprocessing;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.train.Checkpoint;
import io.gradlight.nn.train.ShippedWeights;
import io.gradlight.nn.train.TrainingListener;
import io.gradlight.nn.zoo.Models;
import io.gradlight.saliency.Methods;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.saliency.render.Colormap;
import io.gradlight.saliency.sanity.CascadeStrips;
import io.gradlight.saliency.sanity.LabelRandomization;
import io.gradlight.saliency.sanity.LayerGroup;
import io.gradlight.saliency.sanity.MethodSanity;
import io.gradlight.saliency.sanity.SanityCheck;
import io.gradlight.saliency.sanity.SanityCsv;
import io.gradlight.saliency.sanity.SanityReport;
import io.gradlight.saliency.sanity.Ssim;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.SafetensorsFile;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * {@code gradlight sanity [--model NAME] [--weights F] [--method ID,...|all] [--count N]
 * [--seed S] [--repeats R] [--label-epochs E] [--label-images M] [--colormap C] [--out DIR]}:
 * the sanity checks of Adebayo et al. (2018) and the random-logit test ({@link SanityCheck}) on
 * {@code N} Shapes images of seed {@code S}, with a verdict per method; writes
 * {@code DIR/sanity.csv} and the cascade strips {@code DIR/cascade-<method>-<n>.png}. With no
 * arguments: the shipped shapesnet, the paper's quick methods, 16 images, 10 draws. The
 * label-randomisation model (shapesnet only) is trained on images {@code 0 .. M-1} of seed
 * {@code S + 1} with permuted labels.
 */
final class SanityCommand implements Command {
  /**
   * The default selection: the methods of Adebayo et al. that cost one or two backward passes a
   * map. Their Integrated Gradients and SmoothGrad (50 passes a map each) run with
   * {@code --method}.
   */
  static final List<String> PAPER_METHODS = List.of("gradient", "gradient-x-input",
      "guided-backprop", "gradcam", "guided-gradcam");

  /**
   * The default image count and draws: enough that the verdicts do not depend on the seed. With
   * 8 images and 5 draws, Grad-CAM's mean Spearman on the shipped shapesnet scatters with a
   * standard deviation of 0.07 over seeds (one seed in 12 failed); with 16 and 10, 0.03.
   */
  static final int DEFAULT_COUNT = 16;

  static final int DEFAULT_REPEATS = 10;
  static final String ALL = "all";
  static final int MAX_COUNT = 256;
  static final int MAX_REPEATS = 100;
  static final int MAX_LABEL_IMAGES = 10_000;

  private static final String MODEL = "--model";
  private static final String WEIGHTS = "--weights";
  private static final String METHOD = "--method";
  private static final String COUNT = "--count";
  private static final String SEED = "--seed";
  private static final String REPEATS = "--repeats";
  private static final String LABEL_EPOCHS = "--label-epochs";
  private static final String LABEL_IMAGES = "--label-images";
  private static final String COLORMAP = "--colormap";
  private static final String OUT = "--out";

  /** A trained model and how to build an untrained one of its architecture. */
  private record Trained(Module model, LongFunction<Module> architecture, String name,
      String source) {}

  @Override
  public String name() {
    return "sanity";
  }

  @Override
  public String summary() {
    return "sanity checks of saliency methods (parameter and label randomisation, random logit)";
  }

  @Override
  public Options options() {
    return new Options(name(), "Run the sanity checks of Adebayo et al. (NeurIPS 2018):"
        + " cascading and independent re-initialisation of the model's layers from the top"
        + " down, the random-logit test and (shapesnet) a model trained on permuted labels;"
        + " compare each map with the trained model's by Spearman rank correlation with and"
        + " without absolute values and by SSIM, and give each method a verdict. Writes"
        + " DIR/sanity.csv and one cascade strip per method and image.")
        .value(MODEL, "NAME", "the model: " + String.join(", ", Models.names()), Models.DEFAULT)
        .value(WEIGHTS, "FILE", "a checkpoint or state dict (default: the shipped weights,"
            + " shapesnet only)", null)
        .value(METHOD, "ID[,ID...]", "the methods, or all (default: "
            + String.join(",", PAPER_METHODS) + ")", null)
        .value(COUNT, "N", "the number of Shapes images, 1 to " + MAX_COUNT,
            String.valueOf(DEFAULT_COUNT))
        .value(SEED, "S", "the seed of the images, the re-initialised weights and the random"
            + " logits", "0")
        .value(REPEATS, "R", "seeded draws of the re-initialised weights per step",
            String.valueOf(DEFAULT_REPEATS))
        .value(LABEL_EPOCHS, "E", "epochs of the permuted-label model, 0 to skip (shapesnet"
            + " only)", String.valueOf(LabelRandomization.DEFAULT.epochs()))
        .value(LABEL_IMAGES, "M", "training images of the permuted-label model", "128")
        .value(COLORMAP, "NAME", "the colours of the cascade strips: " + String.join(", ",
            Arrays.stream(Colormap.values()).map(Colormap::id).toList()), Colormap.JET.id())
        .value(OUT, "DIR", "the output directory", "out/sanity");
  }

  @Override
  public int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception {
    String modelName = args.value(MODEL);
    if (!Models.names().contains(modelName)) {
      throw new UsageException("unknown model '" + modelName + "'; expected one of "
          + String.join(", ", Models.names()));
    }
    int count = bounded(args, COUNT, 1, MAX_COUNT);
    long seed = args.longValue(SEED);
    int repeats = bounded(args, REPEATS, 1, MAX_REPEATS);
    int labelEpochs = bounded(args, LABEL_EPOCHS, 0, Integer.MAX_VALUE);
    int labelImages = bounded(args, LABEL_IMAGES, 1, MAX_LABEL_IMAGES);
    List<SaliencyMethod> methods = methods(args.value(METHOD));
    Colormap colormap;
    try {
      colormap = Colormap.fromId(args.value(COLORMAP));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    String weights = args.value(WEIGHTS);
    if (weights == null && !ShippedWeights.available(modelName)) {
      throw new UsageException("no trained weights ship for " + modelName + "; give " + WEIGHTS
          + " FILE");
    }
    Path dir = Path.of(args.value(OUT));

    Trained trained = weights == null
        ? fromCheckpoint(ShippedWeights.checkpoint(modelName), modelName, "shipped weights")
        : load(Path.of(weights), modelName);
    int size = Math.min(Shapes.MAX_SIZE, Models.defaultInputSize(trained.name()));
    Tensor images = new Shapes(size, false).batch(0, count, seed).images();
    Tensor x = preprocess(trained.name(), images).to(trained.model().dtype());
    boolean labelTest = labelEpochs > 0 && trained.name().equals("shapesnet");
    out.printf("sanity checks of %d method%s on %s (%s), %d Shapes image%s of seed %d%n",
        methods.size(), methods.size() == 1 ? "" : "s", trained.name(), trained.source(), count,
        count == 1 ? "" : "s", seed);

    Module labelModel = null;
    if (labelTest) {
      labelModel = trainOnPermutedLabels(trained, labelEpochs, labelImages, seed, out, err);
    }
    SanityCheck check = new SanityCheck(trained.model(), trained.architecture(), x,
        Models.defaultTargetLayer(trained.name()), seed, repeats, new Ssim());
    SanityReport report;
    try (ProgressBar bar = ProgressBar.start("sanity checks",
        check.explanations(methods.size(), labelTest), err)) {
      report = check.run(methods, labelModel, () -> bar.advance(1));
    }
    out.printf(Locale.ROOT, "layer groups re-initialised from the top: %s; %d seeded draw%s per"
        + " step; SSIM with a uniform %dx%d window on display maps; target layer %s%n",
        String.join(", ", report.groups().stream().map(LayerGroup::name).toList()), repeats,
        repeats == 1 ? "" : "s", report.ssimWindow(), report.ssimWindow(), report.layer());
    out.println(SanityTables.rule());
    out.println();
    for (MethodSanity m : report.methods()) {
      out.println(SanityTables.method(m));
    }
    out.print(SanityTables.summary(report));

    int strips = 0;
    try (StagedDirectory staged = StagedDirectory.create(dir)) {
      SanityCsv.write(report, staged.resolve("sanity.csv"));
      for (MethodSanity m : report.methods()) {
        strips += CascadeStrips.write(m, images, colormap, staged.resolve("")).size();
      }
      staged.commit();
    }
    out.printf("wrote %s and %d cascade strips to %s%n", dir.resolve("sanity.csv"), strips, dir);
    return 0;
  }

  private static int bounded(ParsedArgs args, String name, int min, int max)
      throws UsageException {
    int v = args.intValue(name);
    if (v < min || v > max) {
      throw new UsageException(name + " must be from " + min + " to " + max + ", got " + v);
    }
    return v;
  }

  /** The methods named by {@code value} (null: the paper's that are registered). */
  private static List<SaliencyMethod> methods(String value) throws UsageException {
    List<String> ids;
    if (value == null) {
      ids = PAPER_METHODS.stream().filter(Methods.ids()::contains).toList();
    } else if (value.equals(ALL)) {
      ids = Methods.ids();
    } else {
      ids = new ArrayList<>();
      for (String id : value.split(",", -1)) {
        String trimmed = id.trim();
        if (!Methods.ids().contains(trimmed)) {
          throw new UsageException("unknown method '" + trimmed + "'; expected "
              + String.join(", ", Methods.ids()) + ", or " + ALL);
        }
        if (!ids.contains(trimmed)) {
          ids.add(trimmed);
        }
      }
    }
    if (ids.isEmpty()) {
      throw new UsageException("no saliency method is available");
    }
    return ids.stream().map(Methods::create).toList();
  }

  /** A gradlight checkpoint, or a plain state dict of {@code modelName}'s default shape. */
  private static Trained load(Path weights, String modelName) throws Exception {
    if (!Files.isRegularFile(weights)) {
      throw new CliException(weights + ": no such file");
    }
    boolean checkpoint;
    try (SafetensorsFile f = SafetensorsFile.open(weights)) {
      checkpoint = f.metadata().containsKey(Checkpoint.MODEL);
    }
    if (checkpoint) {
      return fromCheckpoint(Checkpoint.load(weights), modelName, weights.toString());
    }
    int classes = Models.defaultClasses(modelName);
    LongFunction<Module> architecture =
        s -> Models.create(modelName, classes, Activation.RELU, s);
    Module model = architecture.apply(0);
    try {
      model.loadStateDict(StateDict.read(weights), true);
    } catch (IllegalArgumentException e) {
      throw new CliException(weights + ": not " + modelName + " weights with " + classes
          + " classes: " + e.getMessage(), e);
    }
    return new Trained(model.eval(), architecture, modelName, weights.toString());
  }

  private static Trained fromCheckpoint(Checkpoint c, String modelName, String source)
      throws CliException {
    if (!c.model().equals(modelName)) {
      throw new CliException("the weights are a " + c.model() + " checkpoint, not " + modelName
          + "; give " + MODEL + " " + c.model());
    }
    Activation activation = Activation.parse(c.activation());
    LongFunction<Module> architecture =
        s -> Models.create(c.model(), c.classCount(), activation, s);
    String accuracy = c.extra().get("gradlight.heldout_accuracy");
    return new Trained(c.newModel(), architecture, c.model(),
        source + (accuracy == null ? "" : ", held-out accuracy " + accuracy));
  }

  /** Images in [0, 1] to the model's input: as they are for shapesnet, else ImageNet-normalised. */
  private static Tensor preprocess(String model, Tensor images) {
    if (model.equals("shapesnet")) {
      return images;
    }
    Preprocessing p = Preprocessing.imagenet(images.dim(2));
    Tensor[] each = new Tensor[images.dim(0)];
    for (int n = 0; n < each.length; n++) {
      each[n] = p.apply(images.slice(0, n, n + 1));
    }
    return Tensor.concat(0, each);
  }

  private static Module trainOnPermutedLabels(Trained trained, int epochs, int count, long seed,
      PrintStream out, PrintStream err) {
    var data = new Shapes(Shapes.DEFAULT_SIZE, false).batch(0, count, seed + 1);
    LabelRandomization run = LabelRandomization.DEFAULT.withEpochs(epochs);
    long start = System.nanoTime();
    LabelRandomization.Result result;
    try (ProgressBar bar = ProgressBar.start("permuted-label model", epochs, err)) {
      result = run.train(trained.architecture(), data.images().to(trained.model().dtype()),
          data.labels(), new TrainingListener() {
            @Override
            public void epochFinished(io.gradlight.nn.train.EpochResult r) {
              bar.advance(1);
            }
          });
    }
    out.printf(Locale.ROOT, "label randomisation: %d epochs on %d images (seed %d) with permuted"
        + " labels in %.1f s; training accuracy on them %.3f (the paper trains to > %.0f%%; chance"
        + " is %.3f)%n", epochs, count, seed + 1, (System.nanoTime() - start) / 1e9,
        result.trainAccuracy(), 100 * LabelRandomization.PAPER_TRAIN_ACCURACY,
        1.0 / ShapeClass.COUNT);
    return result.model();
  }
}
