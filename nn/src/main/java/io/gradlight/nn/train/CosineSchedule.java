package io.gradlight.nn.train;

/**
 * Cosine annealing from {@code base} down to {@code min} over {@code totalSteps} steps, the closed
 * form of PyTorch's {@code CosineAnnealingLR}:
 *
 * <pre>
 *   rate(t) = min + (base - min) (1 + cos(pi t / T)) / 2     for 0 <= t <= T
 * </pre>
 *
 * and {@code min} after {@code T} (where PyTorch's formula would rise again).
 *
 * @param base the rate at step 0
 * @param min the rate at step {@code totalSteps} and after
 * @param totalSteps {@code T}, at least 1
 */
public record CosineSchedule(double base, double min, int totalSteps)
    implements LearningRateSchedule {
  public CosineSchedule {
    Optimizer.atLeast("base learning rate", base, 0);
    Optimizer.atLeast("minimum learning rate", min, 0);
    if (min > base) {
      throw new IllegalArgumentException(
          "minimum learning rate " + min + " exceeds the base rate " + base);
    }
    if (totalSteps < 1) {
      throw new IllegalArgumentException(
          "cosine schedule needs totalSteps >= 1, got " + totalSteps);
    }
  }

  @Override
  public double rate(int step) {
    if (step < 0) {
      throw new IllegalArgumentException("step must be >= 0, got " + step);
    }
    int t = Math.min(step, totalSteps);
    return min + (base - min) * (1 + Math.cos(Math.PI * t / totalSteps)) / 2;
  }
}
