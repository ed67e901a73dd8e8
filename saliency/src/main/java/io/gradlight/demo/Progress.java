package io.gradlight.demo;

/**
 * Where long work reports how far it got: the CLI draws progress bars on stderr, tests pass {@link
 * #NONE}. A task is started with its total number of steps, advanced, and closed.
 */
public interface Progress {
  /** Starts a task of {@code total} steps called {@code label}. */
  Task start(String label, long total);

  /** One task in progress. */
  interface Task extends AutoCloseable {
    /** Records {@code steps} more steps done. */
    void advance(long steps);

    /** Ends the task. */
    @Override
    void close();
  }

  /** Progress that goes nowhere. */
  Progress NONE =
      (label, total) ->
          new Task() {
            @Override
            public void advance(long steps) {}

            @Override
            public void close() {}
          };
}
