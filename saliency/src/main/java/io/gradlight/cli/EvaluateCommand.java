package io.gradlight.cli;

import io.gradlight.nn.Module;
import io.gradlight.nn.StateDict;
import io.gradlight.nn.image.Preprocessing;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.train.Checkpoint;
import io.gradlight.nn.train.ShippedWeights;
import io.gradlight.nn.zoo.Models;
import io.gradlight.saliency.Methods;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.saliency.metrics.CausalMetric;
import io.gradlight.saliency.metrics.CentreBaseline;
import io.gradlight.saliency.metrics.Evaluation;
import io.gradlight.saliency.metrics.EvaluationSet;
import io.gradlight.saliency.metrics.ImageMaskFolders;
import io.gradlight.saliency.metrics.MethodScores;
import io.gradlight.saliency.metrics.Metric;
import io.gradlight.saliency.metrics.MetricsCsv;
import io.gradlight.saliency.metrics.PointingGame;
import io.gradlight.tensor.io.SafetensorsFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code gradlight evaluate}: scores saliency methods with the faithfulness and localisation
 * metrics of {@link io.gradlight.saliency.metrics} (deletion and insertion AUC, average drop,
 * increase in confidence, pointing game, energy pointing, relevance mass) beside the centre
 * baseline, on generated Shapes images or on the user's images and object masks. Prints one row
 * per method and writes {@code DIR/metrics.csv} (one row per method), {@code DIR/per_image.csv}
 * (one row per method and image) and {@code DIR/curves.csv} (the mean deletion and insertion
 * curves, for plots).
 *
 * <p>Weights as {@code gradlight predict} takes them: a gradlight checkpoint, a plain state dict
 * for {@code --model}, or by default the weights shipped for the model (shapesnet).
 */
final class EvaluateCommand implements Command {
  /** The default number of generated Shapes images. */
  static final int DEFAULT_COUNT = 100;

  /** The most images one run evaluates. */
  static final int MAX_COUNT = 100_000;

  private static final String MODEL = "--model";
  private static final String WEIGHTS = "--weights";
  private static final String CLASSES = "--classes";
  private static final String IMAGES = "--images";
  private static final String MASKS = "--masks";
  private static final String LABELS = "--labels";
  private static final String COUNT = "--count";
  private static final String SEED = "--seed";
  private static final String METHOD = "--method";
  private static final String LAYER = "--layer";
  private static final String PIXELS_PER_STEP = "--pixels-per-step";
  private static final String TOLERANCE = "--tolerance";
  private static final String BATCH = "--batch";
  private static final String OUT = "--out";
  private static final String SCALED = "scaled";

  @Override
  public String name() {
    return "evaluate";
  }

  @Override
  public String summary() {
    return "score saliency methods: deletion, insertion, average drop, pointing game, ...";
  }

  @Override
  public Options options() {
    return new Options(name(), "Score saliency methods with faithfulness metrics (deletion and"
        + " insertion AUC as the RISE paper, average drop and increase in confidence as the"
        + " Grad-CAM++ paper) and localisation metrics against object masks (pointing game,"
        + " energy pointing, relevance mass), beside a centre baseline. Runs on generated"
        + " Shapes images unless --images and --masks are given.")
        .value(MODEL, "NAME", "the model: " + String.join(", ", Models.names()) + " (default: "
            + Models.DEFAULT + "; a gradlight checkpoint names its own)", null)
        .value(WEIGHTS, "FILE", "a gradlight checkpoint or a safetensors state dict (default:"
            + " the weights shipped with gradlight, shapesnet only)", null)
        .value(CLASSES, "N", "the class count of a plain state dict (default: 8 for shapesnet,"
            + " 1000 for the others)", null)
        .value(IMAGES, "DIR", "a directory of PNG or JPEG images to evaluate on", null)
        .value(MASKS, "DIR", "the object masks, matched to the images by file name (a mask may"
            + " also be the image's name with .png)", null)
        .value(LABELS, "CSV", "the labels, a CSV with columns file and label as 'gradlight"
            + " dataset' writes (default: explain each image's top-1 class)", null)
        .value(COUNT, "N", "the number of Shapes images (default: " + DEFAULT_COUNT + "), or"
            + " the first N of --images (default: all)", null)
        .value(SEED, "S", "the seed of the Shapes images and of stochastic methods", "0")
        .value(METHOD, "ID[,ID...]", "the methods: " + methodList() + ", or all", "all")
        .value(LAYER, "NAME", "the target layer of layer methods (default: the model's last"
            + " activation before the pool)", null)
        .value(PIXELS_PER_STEP, "K", "pixels deleted or inserted per step (default: the image"
            + " height, as the reference's 224 at 224 x 224)", null)
        .value(TOLERANCE, "PX|" + SCALED, "the pointing game's tolerance in pixels, or "
            + SCALED + " for 15 * min(H, W) / 224", formatNumber(PointingGame.PUBLISHED_TOLERANCE))
        .value(BATCH, "N", "images per forward pass", String.valueOf(
            Evaluation.DEFAULT_BATCH_SIZE))
        .value(OUT, "DIR", "where metrics.csv, per_image.csv and curves.csv go", "out/evaluate");
  }

  /** The model to evaluate, with how it was loaded. */
  private record Loaded(String name, Module model, String weights) {}

  @Override
  public int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception {
    long started = System.nanoTime();
    List<String> methods = methods(args.value(METHOD));
    String images = args.value(IMAGES);
    String masks = args.value(MASKS);
    if ((images == null) != (masks == null)) {
      throw new UsageException(IMAGES + " and " + MASKS + " go together");
    }
    if (images == null && args.value(LABELS) != null) {
      throw new UsageException(LABELS + " needs " + IMAGES + " and " + MASKS);
    }
    Integer count = args.value(COUNT) == null ? null : args.intValue(COUNT);
    if (count != null && (count < 1 || count > MAX_COUNT)) {
      throw new UsageException(COUNT + " must be from 1 to " + MAX_COUNT + ", got " + count);
    }
    long seed = args.longValue(SEED);
    int batch = args.intValue(BATCH);
    if (batch < 1) {
      throw new UsageException(BATCH + " must be at least 1, got " + batch);
    }
    Loaded loaded = load(args);
    Module model = loaded.model();
    String layer = args.value(LAYER) != null ? args.value(LAYER)
        : Models.defaultTargetLayer(loaded.name());
    try {
      model.module(layer);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }

    int size = Models.defaultInputSize(loaded.name());
    Preprocessing preprocessing = loaded.name().equals(Models.DEFAULT)
        ? Preprocessing.unitRange(size) : Preprocessing.imagenet(size);
    EvaluationSet set = images == null
        ? EvaluationSet.shapes(count == null ? DEFAULT_COUNT : count, seed, preprocessing)
        : ImageMaskFolders.read(Path.of(images), Path.of(masks),
            args.value(LABELS) == null ? null : Path.of(args.value(LABELS)), preprocessing,
            count == null ? 0 : count);
    set = set.to(model.dtype());
    Evaluation evaluation = new Evaluation(new Evaluation.Options(
        pixelsPerStep(args, set), pointingGame(args, set), batch,
        Evaluation.DEFAULT_EXPLAIN_BATCH_SIZE));
    int[] classes = evaluation.explainedClasses(model, set);

    out.println(describe(loaded, set, images, evaluation, layer, seed));
    List<MethodScores> results = new ArrayList<>();
    for (String id : methods) {
      SaliencyMethod method = Methods.create(id);
      try (ProgressBar bar = ProgressBar.start(id, evaluation.work(set), err)) {
        results.add(evaluation.evaluate(model, set, classes, method, layer, seed, bar::advance));
      }
    }
    try (ProgressBar bar = ProgressBar.start(CentreBaseline.NAME, evaluation.work(set), err)) {
      results.add(evaluation.evaluateCentreBaseline(model, set, classes, bar::advance));
    }

    out.print(table(results, arrows(out)));
    Path dir = Path.of(args.value(OUT));
    Files.createDirectories(dir);
    Files.write(dir.resolve("metrics.csv"), MetricsCsv.summary(results), StandardCharsets.UTF_8);
    Files.write(dir.resolve("per_image.csv"), MetricsCsv.perImage(results, set.names()),
        StandardCharsets.UTF_8);
    Files.write(dir.resolve("curves.csv"), MetricsCsv.curves(results), StandardCharsets.UTF_8);
    out.printf(Locale.ROOT, "wrote metrics.csv, per_image.csv and curves.csv to %s (%.1f s)%n",
        dir, (System.nanoTime() - started) / 1e9);
    return 0;
  }

  private static List<String> methods(String value) throws UsageException {
    if (value.equals("all")) {
      return Methods.ids();
    }
    List<String> ids = new ArrayList<>();
    for (String id : value.split(",", -1)) {
      String trimmed = id.strip();
      if (!Methods.ids().contains(trimmed)) {
        throw new UsageException("unknown method '" + trimmed + "'; expected one of "
            + methodList() + ", or all");
      }
      if (!ids.contains(trimmed)) {
        ids.add(trimmed);
      }
    }
    return ids;
  }

  private static String methodList() {
    return Methods.ids().isEmpty() ? "(none registered yet)" : String.join(", ", Methods.ids());
  }

  /** The model with its weights: a checkpoint, a state dict, or the shipped weights. */
  private static Loaded load(ParsedArgs args)
      throws IOException, CliException, UsageException {
    boolean modelGiven = args.value(MODEL) != null;
    String name = modelGiven ? args.value(MODEL) : Models.DEFAULT;
    if (!Models.names().contains(name)) {
      throw new UsageException("unknown model '" + name + "'; expected one of "
          + String.join(", ", Models.names()));
    }
    Integer classes = args.value(CLASSES) == null ? null : args.intValue(CLASSES);
    if (classes != null && classes < 1) {
      throw new UsageException(CLASSES + " must be at least 1, got " + classes);
    }
    String weights = args.value(WEIGHTS);
    if (weights == null) {
      if (!ShippedWeights.available(name)) {
        throw new UsageException("no trained weights ship for " + name + "; give " + WEIGHTS
            + " FILE");
      }
      return new Loaded(name, ShippedWeights.model(name), "shipped");
    }
    Path file = Path.of(weights);
    if (!Files.isRegularFile(file)) {
      throw new CliException(weights + ": no such file");
    }
    boolean checkpoint;
    try (SafetensorsFile f = SafetensorsFile.open(file)) {
      checkpoint = f.metadata().containsKey(Checkpoint.MODEL);
    }
    if (checkpoint) {
      Checkpoint c = Checkpoint.load(file);
      if (modelGiven && !name.equals(c.model())) {
        throw new CliException(weights + ": a " + c.model() + " checkpoint, not " + name);
      }
      return new Loaded(c.model(), c.newModel(), weights);
    }
    int count = classes == null ? Models.defaultClasses(name) : classes;
    Module model = Models.create(name, count, Activation.RELU, 0);
    try {
      model.loadStateDict(StateDict.read(file), true);
    } catch (IllegalArgumentException e) {
      throw new CliException(weights + ": not " + name + " weights with " + count + " classes: "
          + e.getMessage(), e);
    }
    return new Loaded(name, model.eval(), weights);
  }

  private static int pixelsPerStep(ParsedArgs args, EvaluationSet set) throws UsageException {
    if (args.value(PIXELS_PER_STEP) == null) {
      return CausalMetric.defaultPixelsPerStep(set.height(), set.width());
    }
    int k = args.intValue(PIXELS_PER_STEP);
    if (k < 1 || k > set.height() * set.width()) {
      throw new UsageException(PIXELS_PER_STEP + " must be from 1 to the pixel count "
          + set.height() * set.width() + ", got " + k);
    }
    return k;
  }

  private static PointingGame pointingGame(ParsedArgs args, EvaluationSet set)
      throws UsageException {
    if (args.value(TOLERANCE).equals(SCALED)) {
      return PointingGame.scaled(set.height(), set.width());
    }
    double t = args.doubleValue(TOLERANCE);
    if (!(t > 0)) {
      throw new UsageException(TOLERANCE + " must be a positive number of pixels or " + SCALED
          + ", got " + args.value(TOLERANCE));
    }
    return new PointingGame(t);
  }

  private static String describe(Loaded loaded, EvaluationSet set, String images,
      Evaluation evaluation, String layer, long seed) {
    Evaluation.Options o = evaluation.options();
    int steps = new CausalMetric(CausalMetric.Mode.DELETION, o.pixelsPerStep(), 1)
        .steps(set.height(), set.width());
    String data = images == null
        ? String.format(Locale.ROOT, "%d Shapes images (seed %d)", set.count(), seed)
        : set.count() + " images from " + images;
    return String.format(Locale.ROOT, "%s (weights: %s, layer %s) on %s of %d x %d, explaining"
            + " %s%ndeletion and insertion: %d pixels per step, %d points; pointing game: %s px",
        loaded.name(), loaded.weights(), layer, data, set.height(), set.width(),
        set.labels() == null ? "each image's top-1 class" : "each image's label",
        o.pixelsPerStep(), steps + 1, formatNumber(o.pointingGame().tolerance()));
  }

  /** Whether {@code out} can print the arrows; else words. */
  private static boolean arrows(PrintStream out) {
    return out.charset().newEncoder().canEncode("\u2191\u2193");
  }

  static String table(List<MethodScores> results, boolean arrows) {
    TextTable t = new TextTable();
    List<String> head = new ArrayList<>(List.of("method"));
    for (Metric m : Metric.values()) {
      String better = arrows ? (m.higherIsBetter() ? "\u2191" : "\u2193")
          : (m.higherIsBetter() ? "(higher)" : "(lower)");
      head.add(m.label() + " " + better);
    }
    head.add("time s");
    t.row(head.toArray(String[]::new));
    int[] right = new int[Metric.values().length + 1];
    Arrays.setAll(right, i -> i + 1);
    t.rightAlign(right);
    for (MethodScores s : results) {
      List<String> row = new ArrayList<>(List.of(s.method()));
      for (Metric m : Metric.values()) {
        row.add(format(m, s.value(m)));
      }
      row.add(String.format(Locale.ROOT, "%.1f", s.seconds()));
      t.row(row.toArray(String[]::new));
    }
    return t.render();
  }

  private static String format(Metric m, double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    boolean area = m == Metric.DELETION || m == Metric.INSERTION;
    return String.format(Locale.ROOT, area ? "%.4f" : "%.1f", v);
  }

  private static String formatNumber(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
