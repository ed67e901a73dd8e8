package io.gradlight.saliency;

import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Tensor;

/**
 * The function of the logits that a method explains, per image i with target class c_i:
 *
 * <ul>
 *   <li>{@link #LOGIT}: {@code S = z[i, c]}, the raw logit (pytorch-grad-cam's
 *       {@code ClassifierOutputTarget}; the default everywhere);
 *   <li>{@link #PROBABILITY}: {@code softmax(z)[i, c]};
 *   <li>{@link #EXP_LOGIT}: {@code exp(z[i, c])}, the score under which Grad-CAM++'s eq. 19 is
 *       the exact closed form (Chattopadhay et al. 2018, section 3.2).
 * </ul>
 */
public enum Score {
  LOGIT("logit"),
  PROBABILITY("prob"),
  EXP_LOGIT("exp");

  private final String id;

  Score(String id) {
    this.id = id;
  }

  /** The CLI name: {@code logit}, {@code prob} or {@code exp}. */
  public String id() {
    return id;
  }

  /** The score named {@code id}; the message lists the valid names. */
  public static Score fromId(String id) {
    for (Score s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown score '" + id + "'; expected logit, prob or exp");
  }

  /**
   * The scores {@code [N]} of {@code logits [N, K]} at {@code classes[i]}, differentiable. A
   * one-hot mask selects each image's class, so the gradient of {@code scores.sum()} with respect
   * to image i is the gradient of image i's own score (images do not interact in eval mode).
   */
  public Variable apply(Variable logits, int[] classes) {
    Variable z = this == PROBABILITY ? logits.softmax(1) : logits;
    Variable picked = z.mul(Variable.constant(oneHot(logits.value(), classes))).sum(new int[] {1}, false);
    return this == EXP_LOGIT ? picked.exp() : picked;
  }

  private static Tensor oneHot(Tensor logits, int[] classes) {
    int n = logits.dim(0);
    int k = logits.dim(1);
    double[] mask = new double[n * k];
    for (int i = 0; i < n; i++) {
      mask[i * k + classes[i]] = 1;
    }
    return Tensor.of(mask, n, k).to(logits.dtype());
  }
}
