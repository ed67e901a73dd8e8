package io.gradlight.saliency.sanity;

import io.gradlight.nn.Module;
import io.gradlight.nn.train.Adam;
import io.gradlight.nn.train.CosineSchedule;
import io.gradlight.nn.train.DataLoader;
import io.gradlight.nn.train.EpochResult;
import io.gradlight.nn.train.TensorDataset;
import io.gradlight.nn.train.Trainer;
import io.gradlight.nn.train.TrainingListener;
import io.gradlight.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * The model of the data randomisation test (Adebayo et al. 2018, section 4): the same
 * architecture trained on the same images with their labels randomly permuted, so that it can
 * only memorise. The paper trains "to greater than 95% training set accuracy" (100 epochs, Adam,
 * learning rate 1e-4, on MNIST); gradlight's default is a short run on a small set (Adam without
 * weight decay, the learning rate falling from {@code learningRate} to 0 along a cosine, which
 * settles the memorised labels by the last epoch) so that the whole check stays quick; it reports
 * the training accuracy reached (in evaluation mode, on the permuted labels) rather than
 * promising the paper's 95%.
 *
 * @param epochs the passes over the images, at least 1
 * @param batchSize the images per step, at least 1
 * @param learningRate Adam's initial learning rate, positive
 * @param seed the seed of the permutation, the initial weights and the shuffling
 */
public record LabelRandomization(int epochs, int batchSize, double learningRate, long seed) {
  /** gradlight's quick default run. */
  public static final LabelRandomization DEFAULT = new LabelRandomization(40, 16, 2e-3, 0);

  /** The paper's target training accuracy on the permuted labels. */
  public static final double PAPER_TRAIN_ACCURACY = 0.95;

  public LabelRandomization {
    if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("label randomisation needs epochs >= 1, batch size >= 1"
          + " and a positive learning rate, got " + epochs + ", " + batchSize + ", "
          + learningRate);
    }
  }

  /**
   * A trained model and how well it memorised.
   *
   * @param model the model trained on permuted labels, in evaluation mode
   * @param labels the permuted labels it was trained on
   * @param trainAccuracy its accuracy on those labels, in evaluation mode
   * @param epochs what each epoch measured (in training mode)
   */
  public record Result(Module model, int[] labels, double trainAccuracy, List<EpochResult> epochs) {
    public Result {
      labels = labels.clone();
      epochs = List.copyOf(epochs);
    }

    @Override
    public int[] labels() {
      return labels.clone();
    }
  }

  /** The same run with {@code e} epochs. */
  public LabelRandomization withEpochs(int e) {
    return new LabelRandomization(e, batchSize, learningRate, seed);
  }

  /**
   * Trains a new model of {@code architecture} on {@code images} ({@code [N, C, H, W]}, the
   * model's preprocessing) labelled by a seeded random permutation of {@code labels}.
   */
  public Result train(LongFunction<Module> architecture, Tensor images, int[] labels,
      TrainingListener listener) {
    if (images.rank() != 4 || images.dim(0) != labels.length) {
      throw new IllegalArgumentException("label randomisation: images " + images.shape()
          + " for " + labels.length + " labels; expected [" + labels.length + ", C, H, W]");
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int[] permuted = permute(labels, rng);
    Module model = architecture.apply(rng.nextLong());
    TensorDataset data = new TensorDataset(images.to(model.dtype()), permuted);
    DataLoader loader = new DataLoader(data, Math.min(batchSize, labels.length), true, false,
        rng.nextLong());
    Trainer trainer = new Trainer(model, new Adam(model.parameters(), learningRate, 0),
        new CosineSchedule(learningRate, 0, epochs * loader.batchCount()), listener);
    List<EpochResult> history = trainer.fit(loader, epochs);
    double accuracy = Trainer.evaluate(model, data, Math.min(batchSize, labels.length)).accuracy();
    model.eval();
    return new Result(model, permuted, accuracy, history);
  }

  /** A uniformly random permutation of {@code labels} (Fisher-Yates). */
  private static int[] permute(int[] labels, SplittableRandom rng) {
    int[] out = labels.clone();
    for (int i = out.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }
}
