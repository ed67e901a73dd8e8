package io.gradlight.nn.train;

import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a classifier with the cross-entropy loss: for each epoch, for each batch of the loader,
 * set the learning rate from the schedule, forward in training mode, backward, optimizer step.
 *
 * <p>Deterministic: with the same model initialisation, data, loader seed and hyperparameters
 * the weights after training are the same bit for bit, whatever the thread count, because every
 * kernel gives thread-count-independent results and nothing else is random.
 */
public final class Trainer {
  private final Module model;
  private final Optimizer optimizer;
  private final LearningRateSchedule schedule;
  private final TrainingListener listener;
  private int step;

  /**
   * A trainer of {@code model}'s parameters by {@code optimizer} (which must update them), with
   * the learning rate of step {@code t} (counted over all epochs) set to {@code schedule.rate(t)}.
   */
  public Trainer(Module model, Optimizer optimizer, LearningRateSchedule schedule,
      TrainingListener listener) {
    this.model = model;
    this.optimizer = optimizer;
    this.schedule = schedule;
    this.listener = listener;
  }

  /** The number of optimizer steps taken so far. */
  public int steps() {
    return step;
  }

  /** Runs epochs {@code 0 .. epochs-1} of {@code loader}; returns what each measured. */
  public List<EpochResult> fit(DataLoader loader, int epochs) {
    if (epochs < 0) {
      throw new IllegalArgumentException("epochs must be >= 0, got " + epochs);
    }
    List<EpochResult> results = new ArrayList<>();
    for (int epoch = 0; epoch < epochs; epoch++) {
      results.add(trainEpoch(loader, epoch));
    }
    return results;
  }

  /** One epoch of training: every batch of {@code loader.batchIndices(epoch)}. */
  public EpochResult trainEpoch(DataLoader loader, int epoch) {
    long start = System.nanoTime();
    model.train();
    List<int[]> batches = loader.batchIndices(epoch);
    listener.epochStarted(epoch, batches.size());
    Totals totals = new Totals();
    for (int b = 0; b < batches.size(); b++) {
      Batch batch = loader.dataset().batch(batches.get(b));
      optimizer.setLearningRate(schedule.rate(step));
      optimizer.zeroGrad();
      Variable logits = model.forward(Variable.constant(batch.inputs().to(model.dtype())));
      Variable loss = CrossEntropy.mean(logits, batch.labels());
      loss.backward();
      optimizer.step();
      step++;
      totals.add(logits, loss, batch);
      listener.batchFinished(epoch, b, loss.value().item());
    }
    EpochResult result = totals.result(epoch, start);
    listener.epochFinished(result);
    return result;
  }

  /**
   * The loss and accuracy of {@code model} on all of {@code data}, in evaluation mode without
   * recording a graph, {@code batchSize} examples at a time; the model's mode is restored.
   */
  public static EpochResult evaluate(Module model, Dataset data, int batchSize) {
    long start = System.nanoTime();
    boolean training = model.isTraining();
    model.eval();
    Totals totals = new Totals();
    try (Scope _ = GradMode.disabled()) {
      for (int[] indices : new DataLoader(data, batchSize, false, false, 0).batchIndices(0)) {
        Batch batch = data.batch(indices);
        Variable logits = model.forward(Variable.constant(batch.inputs().to(model.dtype())));
        totals.add(logits, CrossEntropy.mean(logits, batch.labels()), batch);
      }
    } finally {
      model.train(training);
    }
    return totals.result(-1, start);
  }

  /** Sums of loss and correct predictions over the batches of a pass. */
  private static final class Totals {
    private double lossSum;
    private long correct;
    private int examples;

    void add(Variable logits, Variable loss, Batch batch) {
      lossSum += loss.value().item() * batch.size();
      correct += Accuracy.correct(logits.value(), batch.labels());
      examples += batch.size();
    }

    EpochResult result(int epoch, long startNanos) {
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      return new EpochResult(epoch, lossSum / examples, (double) correct / examples, examples,
          seconds);
    }
  }
}
