package io.gradlight.autograd;

/**
 * Something to close to undo a change: a grad-mode switch, a backward-rule override, a registered
 * hook. Made for try-with-resources; closing twice is harmless, and {@code close} throws nothing.
 *
 * <pre>{@code
 * try (Scope s = GradMode.disabled()) {
 *   ... // no graph is recorded here
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Scope extends AutoCloseable {
  @Override
  void close();
}
