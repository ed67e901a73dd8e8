package io.gradlight.nn.train;

/**
 * What one pass over a data set measured.
 *
 * @param epoch the epoch number, from 0 (or -1 for an evaluation outside training)
 * @param loss the mean cross-entropy over the examples
 * @param accuracy the fraction of examples whose top-1 class is the label, in [0, 1]
 * @param examples the number of examples seen
 * @param seconds the wall-clock time of the pass
 */
public record EpochResult(int epoch, double loss, double accuracy, int examples, double seconds) {
  /** Examples per second. */
  public double throughput() {
    return examples / seconds;
  }
}
