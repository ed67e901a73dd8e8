package io.gradlight.nn.train;

import io.gradlight.nn.Parameter;
import io.gradlight.tensor.Tensor;
import java.util.List;

/**
 * Adam (Kingma and Ba, 2015), PyTorch's {@code torch.optim.Adam} update rule with L2 weight decay
 * added to the gradient (not AdamW's decoupled decay). At step {@code t = 1, 2, ...} of a
 * parameter {@code p} with gradient {@code g}:
 *
 * <pre>
 *   g = g + lambda p
 *   m = beta1 m + (1 - beta1) g
 *   v = beta2 v + (1 - beta2) g^2
 *   p = p - (lr / (1 - beta1^t)) m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 *
 * with {@code m} and {@code v} starting at zero. The arithmetic is in double; the moments are
 * stored in the parameter's dtype, as PyTorch stores them.
 */
public final class Adam extends Optimizer {
  /** PyTorch's defaults. */
  public static final double DEFAULT_BETA1 = 0.9;

  public static final double DEFAULT_BETA2 = 0.999;
  public static final double DEFAULT_EPS = 1e-8;

  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final Tensor[] firstMoments;
  private final Tensor[] secondMoments;
  private final int[] steps;

  /** Adam with PyTorch's default betas and eps. */
  public Adam(List<Parameter> parameters, double learningRate, double weightDecay) {
    this(parameters, learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS, weightDecay);
  }

  /** Adam with every option; betas in [0, 1), eps and weight decay >= 0. */
  public Adam(List<Parameter> parameters, double learningRate, double beta1, double beta2,
      double eps, double weightDecay) {
    super(parameters, learningRate);
    this.beta1 = beta(beta1, "beta1");
    this.beta2 = beta(beta2, "beta2");
    this.eps = atLeast("eps", eps, 0);
    this.weightDecay = atLeast("weight decay", weightDecay, 0);
    this.firstMoments = new Tensor[parameters.size()];
    this.secondMoments = new Tensor[parameters.size()];
    this.steps = new int[parameters.size()];
  }

  @Override
  void update(int index, Elements param, Elements grad) {
    if (firstMoments[index] == null) {
      firstMoments[index] = zeroState(index);
      secondMoments[index] = zeroState(index);
    }
    int t = ++steps[index];
    Elements m = Elements.of(firstMoments[index]);
    Elements v = Elements.of(secondMoments[index]);
    double stepSize = learningRate() / (1 - Math.pow(beta1, t));
    double correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
    for (int i = 0; i < param.size(); i++) {
      double p = param.get(i);
      double g = weightDecay != 0 ? param.round(grad.get(i) + weightDecay * p) : grad.get(i);
      m.set(i, m.round(beta1 * m.get(i)) + (1 - beta1) * g);
      v.set(i, v.round(beta2 * v.get(i)) + (1 - beta2) * g * g);
      double denominator = param.round(param.round(Math.sqrt(v.get(i))) / correction2Sqrt) + eps;
      param.set(i, p - stepSize * m.get(i) / param.round(denominator));
    }
  }

  private static double beta(double value, String name) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
    }
    return value;
  }
}
