package io.gradlight.autograd;

/**
 * Whether operations on {@link Variable}s record a graph, per thread.
 *
 * <p>With grad mode on (the default) an op whose inputs require grad records a node, so its result
 * can be differentiated. With it off, ops compute values only: no node is created and nothing is
 * saved. The engine runs every backward with grad mode equal to {@code createGraph}, so a
 * first-order backward records nothing and a {@code createGraph} backward records the graph of the
 * derivative (PyTorch's rule).
 *
 * <p>The mode is thread-confined: a scope opened on one thread never affects another.
 */
public final class GradMode {
  private static final ThreadSetting<Boolean> ENABLED = new ThreadSetting<>(() -> Boolean.TRUE);

  private GradMode() {}

  /** Whether ops on this thread record a graph now. */
  public static boolean isEnabled() {
    return ENABLED.get();
  }

  /** Turns recording off on this thread until the scope is closed. */
  public static Scope disabled() {
    return set(false);
  }

  /** Turns recording on on this thread until the scope is closed. */
  public static Scope enabled() {
    return set(true);
  }

  /**
   * Sets recording on this thread to {@code enabled} until the scope is closed; closing restores
   * the mode in force before, so scopes nest.
   */
  public static Scope set(boolean enabled) {
    return ENABLED.set(enabled);
  }
}
