package io.gradlight.nn.train;

/**
 * The learning rate as a function of the step count {@code t = 0, 1, 2, ...} (the number of
 * optimizer steps taken before this one). The {@link Trainer} sets the optimizer's rate to {@code
 * rate(t)} before step {@code t}.
 */
@FunctionalInterface
public interface LearningRateSchedule {
  /** The learning rate for step {@code step} (>= 0). */
  double rate(int step);

  /** The same rate at every step. */
  static LearningRateSchedule constant(double rate) {
    Optimizer.atLeast("learning rate", rate, 0);
    return step -> rate;
  }
}
