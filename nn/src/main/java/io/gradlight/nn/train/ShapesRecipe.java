package io.gradlight.nn.train;

import io.gradlight.nn.Module;
import io.gradlight.nn.data.ShapeClass;
import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.Models;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * How gradlight trains a zoo model from scratch on {@link Shapes}: what {@code gradlight train}
 * runs, and how the shipped {@code shapesnet} weights were made.
 *
 * <ul>
 *   <li>data: images {@code 0 .. trainCount-1} of the 64-pixel Shapes generator for {@code seed}
 *       (the files {@code gradlight dataset --seed S} writes), rendered once and held in memory;
 *       with the Clever-Hans cue when asked;
 *   <li>model: {@code Models.create(model, 8 classes, activation, s1)}, in F32;
 *   <li>loop: shuffled batches (loader seed {@code s2}), the last partial batch dropped; mean
 *       cross-entropy; SGD with momentum {@value #MOMENTUM} and weight decay {@value
 *       #WEIGHT_DECAY}, or Adam with weight decay 0; the learning rate follows a cosine from
 *       {@code learningRate} to 0 over all steps;
 *   <li>held out: images of seed {@code seed + 1}, never with the cue.
 * </ul>
 *
 * {@code s1} and {@code s2} are the first two numbers of {@code new SplittableRandom(seed)}, so
 * the whole run, and the weights it ends with, are a function of the recipe alone.
 *
 * @param model a zoo model name
 * @param activation the activation of every block
 * @param epochs the passes over the training images, at least 1
 * @param batchSize the images per step, at least 1 and at most {@code trainCount}
 * @param learningRate the initial learning rate, positive
 * @param optimizer SGD or Adam
 * @param seed the seed of everything random
 * @param trainCount the number of training images
 * @param cleverHans whether training images carry the Clever-Hans cue
 */
public record ShapesRecipe(String model, Activation activation, int epochs, int batchSize,
    double learningRate, OptimizerKind optimizer, long seed, int trainCount,
    boolean cleverHans) {
  /** SGD's momentum. */
  public static final double MOMENTUM = 0.9;

  /** SGD's weight decay. */
  public static final double WEIGHT_DECAY = 5e-4;

  /** The optimizers the recipe can use, with their default learning rates. */
  public enum OptimizerKind {
    SGD(0.05),
    ADAM(1e-3);

    private final double defaultLearningRate;

    OptimizerKind(double defaultLearningRate) {
      this.defaultLearningRate = defaultLearningRate;
    }

    public double defaultLearningRate() {
      return defaultLearningRate;
    }
  }

  /** A trained model and what each epoch measured. */
  public record Run(Module model, List<EpochResult> epochs) {}

  public ShapesRecipe {
    Models.defaultClasses(model); // validates the name
    if (epochs < 1 || batchSize < 1 || trainCount < batchSize) {
      throw new IllegalArgumentException("need epochs >= 1 and 1 <= batch size <= training"
          + " images, got " + epochs + " epochs, batch " + batchSize + ", " + trainCount
          + " images");
    }
    Optimizer.atLeast("learning rate", learningRate, 0);
    if (learningRate == 0) {
      throw new IllegalArgumentException("learning rate must be positive, got 0");
    }
  }

  /** The seed of held-out images: never the training seed. */
  public long heldOutSeed() {
    return seed + 1;
  }

  /** The class names in label order. */
  public static List<String> classNames() {
    return List.of(ShapeClass.names());
  }

  /** The training images, rendered and held in memory. */
  public Dataset trainingData() {
    return new ShapesDataset(new Shapes(Shapes.DEFAULT_SIZE, cleverHans), trainCount, seed)
        .inMemory();
  }

  /** Trains a new model on {@code data} (the recipe's {@link #trainingData}). */
  public Run train(Dataset data, TrainingListener listener) {
    SplittableRandom seeds = new SplittableRandom(seed);
    Module net = Models.create(model, ShapeClass.COUNT, activation, seeds.nextLong());
    DataLoader loader = new DataLoader(data, batchSize, true, true, seeds.nextLong());
    Optimizer opt = optimizer == OptimizerKind.SGD
        ? new Sgd(net.parameters(), learningRate, MOMENTUM, WEIGHT_DECAY)
        : new Adam(net.parameters(), learningRate, 0);
    int steps = epochs * loader.batchCount();
    Trainer trainer = new Trainer(net, opt, new CosineSchedule(learningRate, 0, steps), listener);
    return new Run(net, trainer.fit(loader, epochs));
  }

  /** Loss and accuracy of {@code net} on {@code count} held-out images (no cue). */
  public EpochResult evaluateHeldOut(Module net, int count) {
    return Trainer.evaluate(net, new ShapesDataset(Shapes.standard(), count, heldOutSeed()),
        batchSize);
  }

  /** A checkpoint of {@code run}'s model with the recipe and {@code extra} in its metadata. */
  public Checkpoint checkpoint(Run run, Map<String, String> extra) {
    Map<String, String> meta = new TreeMap<>(extra);
    meta.put("gradlight.recipe", toString());
    return new Checkpoint(model, classNames(), activation.cliName(), run.epochs().size(),
        run.model().stateDict(), meta);
  }
}
