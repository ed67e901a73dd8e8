package io.gradlight.autograd;

import java.util.function.Supplier;

/**
 * A per-thread value changed for the extent of a {@link Scope}: closing the scope restores the
 * value in force before it opened, even after an exception, so scopes nest. Another thread never
 * sees the change.
 */
final class ThreadSetting<T> {
  private final ThreadLocal<Cell<T>> cells;

  private static final class Cell<T> {
    T value;

    Cell(T value) {
      this.value = value;
    }
  }

  ThreadSetting(Supplier<T> initial) {
    this.cells = ThreadLocal.withInitial(() -> new Cell<>(initial.get()));
  }

  T get() {
    return cells.get().value;
  }

  Scope set(T value) {
    Cell<T> cell = cells.get();
    T previous = cell.value;
    cell.value = value;
    return new Scope() {
      private boolean closed;

      @Override
      public void close() {
        if (!closed) {
          closed = true;
          cell.value = previous;
        }
      }
    };
  }
}
