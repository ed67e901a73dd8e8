package io.gradlight.nn.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cuts a {@link Dataset} into batches for each epoch, optionally in a shuffled order.
 *
 * <p>Epoch {@code e} visits the examples in the order of a Fisher-Yates shuffle driven by a
 * {@link SplittableRandom} seeded from {@code (seed, e)} alone, so any epoch's order can be
 * recomputed without replaying the ones before, and the same seed gives the same batches on any
 * machine and thread count. Without shuffling the order is {@code 0 .. size-1}. The last batch is
 * smaller when the batch size does not divide the data set, unless {@code dropLast}.
 */
public final class DataLoader {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final Dataset dataset;
  private final int batchSize;
  private final boolean shuffle;
  private final boolean dropLast;
  private final long seed;

  /** Batches of {@code batchSize} from {@code dataset}, shuffled per epoch from {@code seed}. */
  public DataLoader(Dataset dataset, int batchSize, boolean shuffle, boolean dropLast, long seed) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    if (dropLast && dataset.size() < batchSize) {
      throw new IllegalArgumentException("dropLast with batch size " + batchSize
          + " leaves no batch of a data set of " + dataset.size() + " examples");
    }
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.dropLast = dropLast;
    this.seed = seed;
  }

  /** The data set batches are cut from. */
  public Dataset dataset() {
    return dataset;
  }

  /** The number of batches per epoch. */
  public int batchCount() {
    int n = dataset.size();
    return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
  }

  /** The number of examples visited per epoch (all, or fewer with {@code dropLast}). */
  public int examplesPerEpoch() {
    return dropLast ? batchCount() * batchSize : dataset.size();
  }

  /** The order in which epoch {@code epoch} visits the examples. */
  public int[] order(int epoch) {
    int[] order = new int[dataset.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    if (shuffle) {
      SplittableRandom rng = new SplittableRandom(seed + GOLDEN_GAMMA * (epoch + 1L));
      for (int i = order.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    return order;
  }

  /** The example indices of each batch of epoch {@code epoch}, in order. */
  public List<int[]> batchIndices(int epoch) {
    int[] order = order(epoch);
    List<int[]> batches = new ArrayList<>(batchCount());
    for (int b = 0; b < batchCount(); b++) {
      int start = b * batchSize;
      batches.add(Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize)));
    }
    return batches;
  }
}
