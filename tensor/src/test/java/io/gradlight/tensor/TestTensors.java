package io.gradlight.tensor;

import java.util.SplittableRandom;

/** Seeded test inputs. */
final class TestTensors {
  private TestTensors() {}

  /** Standard normal values, deterministic in {@code seed}. */
  static Tensor randn(DType dtype, long seed, int... dims) {
    return Tensor.normal(dtype, Shape.of(dims), 0, 1, new SplittableRandom(seed));
  }

  /** A message check: the exception message starts with {@code op + ":"} and mentions each part. */
  static void assertMessage(Throwable e, String op, String... parts) {
    String m = e.getMessage();
    if (!m.startsWith(op + ":") && !m.startsWith(op + " ")) {
      throw new AssertionError("message should start with '" + op + ":' but was: " + m);
    }
    for (String p : parts) {
      if (!m.contains(p)) {
        throw new AssertionError("message should mention '" + p + "' but was: " + m);
      }
    }
  }
}
