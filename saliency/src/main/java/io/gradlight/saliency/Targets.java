package io.gradlight.saliency;

import io.gradlight.tensor.Tensor;
import java.util.Arrays;

/**
 * Which class each image is explained for: an explicit class per image, or each image's top-1
 * prediction. A list whose length differs from the batch is an error, never a silent truncation
 * (pytorch-grad-cam's {@code zip} truncates: its issues #264 and #328).
 */
public final class Targets {
  private final int[] classes; // null for top-1

  private Targets(int[] classes) {
    this.classes = classes;
  }

  /** One class index per image, in batch order. */
  public static Targets of(int... classes) {
    if (classes.length == 0) {
      throw new IllegalArgumentException("targets: give at least one class index");
    }
    return new Targets(classes.clone());
  }

  /** Each image's highest-scoring class. */
  public static Targets top1() {
    return new Targets(null);
  }

  public boolean isTop1() {
    return classes == null;
  }

  /** The class per image for these logits {@code [N, K]}, checked against N and K. */
  public int[] resolve(Tensor logits) {
    int n = logits.dim(0);
    int k = logits.dim(1);
    if (classes == null) {
      return logits.argmax(1);
    }
    if (classes.length != n) {
      throw new IllegalArgumentException("targets: " + classes.length + " class indices for a batch of "
          + n + " images; give one per image");
    }
    for (int c : classes) {
      if (c < 0 || c >= k) {
        throw new IllegalArgumentException("targets: class " + c + " is out of range; the model has "
            + k + " classes (0 to " + (k - 1) + ")");
      }
    }
    return classes.clone();
  }

  @Override
  public String toString() {
    return classes == null ? "top1" : Arrays.toString(classes);
  }
}
