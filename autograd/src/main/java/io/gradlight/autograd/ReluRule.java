package io.gradlight.autograd;

import io.gradlight.autograd.ops.ReluBackward;

/**
 * How ReLU passes gradients back, per thread: the true derivative, or one of the modified rules
 * of backprop visualisations. Change it for a scope:
 *
 * <pre>{@code
 * try (Scope r = ReluRule.guided()) {
 *   Variable saliency = Autograd.grad(score, image);
 * }
 * }</pre>
 *
 * Closing the scope restores the rule in force before, even after an exception; the rule is
 * thread-confined, so two threads can use different rules at once.
 *
 * <p>Each rule is written with differentiable ops ({@link ReluBackward}), so it can be recorded
 * with {@code createGraph} like any backward.
 */
public enum ReluRule {
  /** The derivative: {@code gx = gy [x > 0]}. */
  STANDARD {
    @Override
    public Variable backward(Variable gy, Variable y) {
      return ReluBackward.apply(gy, y);
    }
  },
  /** Guided Backprop (Springenberg et al. 2015): {@code gx = gy [x > 0] [gy > 0]}. */
  GUIDED {
    @Override
    public Variable backward(Variable gy, Variable y) {
      return ReluBackward.apply(ReluBackward.apply(gy, gy), y);
    }
  },
  /** DeconvNet (Zeiler and Fergus 2014): {@code gx = gy [gy > 0]}, whatever the input. */
  DECONVNET {
    @Override
    public Variable backward(Variable gy, Variable y) {
      return ReluBackward.apply(gy, gy);
    }
  };

  private static final ThreadSetting<ReluRule> CURRENT = new ThreadSetting<>(() -> STANDARD);

  /**
   * The gradient of ReLU's input given the gradient {@code gy} of its output {@code y} (which is
   * positive exactly where the input is).
   */
  public abstract Variable backward(Variable gy, Variable y);

  /** The rule ReLU uses on this thread now. */
  public static ReluRule current() {
    return CURRENT.get();
  }

  /** Uses {@code rule} on this thread until the scope closes. */
  public static Scope use(ReluRule rule) {
    return CURRENT.set(rule);
  }

  /** Guided Backprop until the scope closes. */
  public static Scope guided() {
    return use(GUIDED);
  }

  /** DeconvNet until the scope closes. */
  public static Scope deconvnet() {
    return use(DECONVNET);
  }
}
