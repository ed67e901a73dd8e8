package io.gradlight.nn.train;

/** Follows a {@link Trainer}: a progress bar, a log. Every method does nothing by default. */
public interface TrainingListener {
  /** Epoch {@code epoch} begins; it will run {@code batches} optimizer steps. */
  default void epochStarted(int epoch, int batches) {}

  /** A step of epoch {@code epoch} finished with mean batch loss {@code loss}. */
  default void batchFinished(int epoch, int batch, double loss) {}

  /** Epoch {@code result.epoch()} finished. */
  default void epochFinished(EpochResult result) {}

  /** A listener that does nothing. */
  TrainingListener NONE = new TrainingListener() {};
}
