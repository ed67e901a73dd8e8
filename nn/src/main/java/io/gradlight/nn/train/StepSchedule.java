package io.gradlight.nn.train;

/**
 * The rate multiplied by {@code gamma} every {@code stepSize} steps, as PyTorch's {@code StepLR}:
 *
 * <pre>
 *   rate(t) = base gamma^floor(t / stepSize)
 * </pre>
 *
 * @param base the rate for steps {@code 0 .. stepSize-1}
 * @param stepSize the number of steps between decays, at least 1
 * @param gamma the decay factor, in (0, 1] to decay (1 keeps the rate)
 */
public record StepSchedule(double base, int stepSize, double gamma)
    implements LearningRateSchedule {
  public StepSchedule {
    Optimizer.atLeast("base learning rate", base, 0);
    if (stepSize < 1) {
      throw new IllegalArgumentException("step schedule needs stepSize >= 1, got " + stepSize);
    }
    if (!(gamma > 0 && gamma <= 1)) {
      throw new IllegalArgumentException("step schedule gamma must be in (0, 1], got " + gamma);
    }
  }

  @Override
  public double rate(int step) {
    if (step < 0) {
      throw new IllegalArgumentException("step must be >= 0, got " + step);
    }
    return base * Math.pow(gamma, step / stepSize);
  }
}
