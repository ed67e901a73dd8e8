package io.gradlight.cli;

import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.train.Checkpoint;
import io.gradlight.nn.train.Dataset;
import io.gradlight.nn.train.EpochResult;
import io.gradlight.nn.train.ShapesRecipe;
import io.gradlight.nn.train.ShapesRecipe.OptimizerKind;
import io.gradlight.nn.train.TrainingListener;
import io.gradlight.nn.zoo.Models;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code gradlight train --model shapesnet [--epochs E] [--batch B] [--lr LR] [--seed S]
 * [--train-count N] [--out FILE] [--clever-hans]}: trains a zoo model from scratch on generated
 * Shapes images ({@link ShapesRecipe} says exactly how), prints the loss and accuracy of every
 * epoch and the accuracy on held-out images of another seed, and writes the
 * weights as a safetensors checkpoint (atomically: a temporary file, then a move). Arguments and
 * the output folder are checked before any work.
 */
final class TrainCommand implements Command {
  /** The default number of held-out images the final accuracy is measured on. */
  static final int DEFAULT_HELD_OUT = 2000;

  static final int DEFAULT_EPOCHS = 8;
  static final int DEFAULT_BATCH = 32;
  static final int DEFAULT_TRAIN_COUNT = 12_000;
  static final long DEFAULT_SEED = 1;

  private static final String MODEL = "--model";
  private static final String ACTIVATION = "--activation";
  private static final String EPOCHS = "--epochs";
  private static final String BATCH = "--batch";
  private static final String LR = "--lr";
  private static final String OPTIMIZER = "--optimizer";
  private static final String SEED = "--seed";
  private static final String TRAIN_COUNT = "--train-count";
  private static final String HELD_OUT = "--held-out";
  private static final String OUT = "--out";
  private static final String CLEVER_HANS = "--clever-hans";

  @Override
  public String name() {
    return "train";
  }

  @Override
  public String summary() {
    return "train a model from scratch on generated Shapes images and save its weights";
  }

  @Override
  public Options options() {
    return new Options(name(), "Train a model from scratch on generated Shapes images: mean"
        + " cross-entropy, SGD with momentum " + plain(ShapesRecipe.MOMENTUM) + " and weight"
        + " decay " + plain(ShapesRecipe.WEIGHT_DECAY) + " (or Adam), a cosine learning rate,"
        + " shuffled batches. Prints the loss and accuracy of each epoch and the accuracy on"
        + " held-out images of seed S+1, then writes the weights as a safetensors checkpoint."
        + " The same arguments give the same weights, bit for bit, on any thread count.")
        .value(MODEL, "NAME", "the model: " + String.join(", ", Models.names()), Models.DEFAULT)
        .value(ACTIVATION, "NAME", "the activation: relu, softplus, silu, gelu or tanh", "relu")
        .value(EPOCHS, "E", "passes over the training images", String.valueOf(DEFAULT_EPOCHS))
        .value(BATCH, "B", "images per step", String.valueOf(DEFAULT_BATCH))
        .value(LR, "LR", "the initial learning rate (default: "
            + OptimizerKind.SGD.defaultLearningRate() + " for sgd, "
            + OptimizerKind.ADAM.defaultLearningRate() + " for adam)", null)
        .value(OPTIMIZER, "NAME", "sgd or adam", "sgd")
        .value(SEED, "S", "the seed of the images, the initial weights and the shuffling",
            String.valueOf(DEFAULT_SEED))
        .value(TRAIN_COUNT, "N", "the number of training images (held in memory, 48 KB each)",
            String.valueOf(DEFAULT_TRAIN_COUNT))
        .value(HELD_OUT, "N", "the number of held-out images", String.valueOf(DEFAULT_HELD_OUT))
        .value(OUT, "FILE", "where to write the checkpoint", "MODEL.safetensors")
        .flag(CLEVER_HANS, "train on images with the Clever-Hans cue (held-out images have none)");
  }

  @Override
  public int run(ParsedArgs args, PrintStream out, PrintStream err) throws Exception {
    ShapesRecipe recipe = recipe(args);
    int heldOutCount = positive(args, HELD_OUT);
    Path file = Path.of(args.value(OUT).equals("MODEL.safetensors")
        ? recipe.model() + ".safetensors" : args.value(OUT));
    Path folder = file.toAbsolutePath().getParent();
    if (Files.isDirectory(file) || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
      throw new CliException(file + ": cannot write the checkpoint there (" + folder
          + (Files.isDirectory(file) ? " has a directory of that name)"
              : " is not a writable directory)"));
    }
    out.printf(Locale.ROOT, "training %s (%s) on %d Shapes images (seed %d%s): %d epochs, batch"
        + " %d, %s, learning rate %s with a cosine schedule%n", recipe.model(),
        recipe.activation().cliName(), recipe.trainCount(), recipe.seed(),
        recipe.cleverHans() ? ", Clever-Hans cue" : "", recipe.epochs(), recipe.batchSize(),
        recipe.optimizer().name().toLowerCase(Locale.ROOT), recipe.learningRate());
    long start = System.nanoTime();
    err.println("rendering " + recipe.trainCount() + " training images...");
    Dataset data = recipe.trainingData();
    ShapesRecipe.Run run = recipe.train(data, new EpochPrinter(recipe.epochs(), out, err));
    double seconds = (System.nanoTime() - start) / 1e9;
    EpochResult heldOut = recipe.evaluateHeldOut(run.model(), heldOutCount);
    double trainSeconds = run.epochs().stream().mapToDouble(EpochResult::seconds).sum();
    int images = run.epochs().stream().mapToInt(EpochResult::examples).sum();
    out.printf(Locale.ROOT, "trained in %.1f s (rendering included); %.1f images/s in the"
        + " training steps%n", seconds, images / trainSeconds);
    out.printf(Locale.ROOT, "held-out accuracy %.4f (loss %.4f) on %d images of seed %d%n",
        heldOut.accuracy(), heldOut.loss(), heldOut.examples(), recipe.heldOutSeed());
    Checkpoint checkpoint = recipe.checkpoint(run, Map.of(
        "gradlight.heldout_accuracy", String.format(Locale.ROOT, "%.4f", heldOut.accuracy()),
        "gradlight.heldout_images", String.valueOf(heldOut.examples())));
    checkpoint.save(file);
    out.println("wrote " + file);
    return 0;
  }

  /** The recipe of the command line; every bad value is a usage error. */
  private static ShapesRecipe recipe(ParsedArgs args) throws UsageException {
    String model = args.value(MODEL);
    if (!Models.names().contains(model)) {
      throw new UsageException("unknown model '" + model + "'; expected one of "
          + String.join(", ", Models.names()));
    }
    Activation activation;
    OptimizerKind optimizer;
    try {
      activation = Activation.parse(args.value(ACTIVATION));
      optimizer = OptimizerKind.valueOf(args.value(OPTIMIZER).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage().startsWith("No enum")
          ? OPTIMIZER + " must be sgd or adam, got '" + args.value(OPTIMIZER) + "'"
          : e.getMessage());
    }
    int epochs = positive(args, EPOCHS);
    int batch = positive(args, BATCH);
    int count = positive(args, TRAIN_COUNT);
    if (count < batch) {
      throw new UsageException(TRAIN_COUNT + " " + count + " is smaller than " + BATCH + " "
          + batch);
    }
    double lr = args.value(LR) == null ? optimizer.defaultLearningRate() : args.doubleValue(LR);
    if (!(lr > 0)) {
      throw new UsageException(LR + " must be positive, got " + args.value(LR));
    }
    return new ShapesRecipe(model, activation, epochs, batch, lr, optimizer, args.longValue(SEED),
        count, args.flag(CLEVER_HANS));
  }

  /** {@code 5.0E-4} as {@code 0.0005}. */
  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static int positive(ParsedArgs args, String name) throws UsageException {
    int v = args.intValue(name);
    if (v < 1) {
      throw new UsageException(name + " must be at least 1, got " + v);
    }
    return v;
  }

  /** One line per epoch on stdout, a progress bar per epoch on stderr. */
  private static final class EpochPrinter implements TrainingListener {
    private final int epochs;
    private final PrintStream out;
    private final PrintStream err;
    private ProgressBar bar;

    EpochPrinter(int epochs, PrintStream out, PrintStream err) {
      this.epochs = epochs;
      this.out = out;
      this.err = err;
    }

    @Override
    public void epochStarted(int epoch, int batches) {
      bar = ProgressBar.start("epoch " + (epoch + 1) + "/" + epochs, batches, err);
    }

    @Override
    public void batchFinished(int epoch, int batch, double loss) {
      bar.advance(1);
    }

    @Override
    public void epochFinished(EpochResult r) {
      bar.close();
      out.printf(Locale.ROOT, "epoch %d/%d  loss %.4f  accuracy %.4f  %.1f s  %.1f images/s%n",
          r.epoch() + 1, epochs, r.loss(), r.accuracy(), r.seconds(), r.throughput());
      out.flush();
    }
  }
}
