package io.gradlight.nn;

/**
 * An integer of a {@link Module}'s state, like BatchNorm's {@code num_batches_tracked}: kept as a
 * {@code long} (PyTorch's int64 scalar), saved and loaded with the state dict as an integer, never
 * converted to floating point.
 */
public final class Counter implements StateEntry {
  private long value;

  public long value() {
    return value;
  }

  public void set(long value) {
    this.value = value;
  }

  /** Adds one. */
  public void increment() {
    value++;
  }

  @Override
  public String toString() {
    return "Counter(" + value + ")";
  }
}
