package io.gradlight.nn.train;

import io.gradlight.tensor.Tensor;

/** How many predictions are right: the arg-max of each row of the logits against the label. */
public final class Accuracy {
  private Accuracy() {}

  /**
   * The number of rows {@code i} of {@code logits [N, K]} whose largest value is at {@code
   * labels[i]} (the first of equal maxima counts, as {@code argmax} picks it).
   */
  public static int correct(Tensor logits, int[] labels) {
    CrossEntropy.checkBatch(logits, labels);
    int[] predicted = logits.argmax(1);
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      if (predicted[i] == labels[i]) {
        correct++;
      }
    }
    return correct;
  }
}
