package io.gradlight.tensor.kernels;

/**
 * Runs checks on one thread, each after {@link Scratch#poison} has filled every scratch array of
 * that thread with NaN: a kernel that lets a stale value into a result then fails its check.
 */
final class StaleScratch {
  private StaleScratch() {}

  /** Runs each of {@code checks} on one thread, on scratch arrays of {@code size} NaNs. */
  static void eachOnPoisonedScratch(int size, Runnable... checks) {
    Parallel.withThreads(1, () -> {
      for (Runnable check : checks) {
        Scratch.poison(size);
        check.run();
      }
      return null;
    });
  }
}
