package io.gradlight.tensor.kernels;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.logging.Logger;

/**
 * Chooses the kernels once per JVM: the Vector API kernels when {@code jdk.incubator.vector} is
 * readable and the preferred vector is at least 128 bits wide, else the scalar reference.
 * {@code -Dgradlight.kernels=scalar|vector} overrides the choice ({@code vector} fails loudly when
 * the module is missing). The choice is logged once, at level FINE, and available as
 * {@link #description()}.
 *
 * <p>The vector class is loaded reflectively so that the scalar path never links against the
 * incubator module (Lucene's {@code VectorizationProvider} pattern).
 */
public final class KernelProvider {
  private static final Logger LOG = Logger.getLogger(KernelProvider.class.getName());
  private static final String VECTOR_CLASS = "io.gradlight.tensor.kernels.VectorKernels";

  private KernelProvider() {}

  /** The kernels this JVM uses. */
  public static Kernels kernels() {
    return Holder.CHOICE.kernels;
  }

  /** One line saying which kernels are in use and why, for {@code --version} and benchmarks. */
  public static String description() {
    return Holder.CHOICE.why;
  }

  /** The scalar reference, whatever the choice: for parity tests and baselines. */
  public static Kernels scalar() {
    return ScalarKernels.INSTANCE;
  }

  /** The vector kernels, or null when the incubator module is not readable. */
  public static Kernels vectorOrNull() {
    return Holder.VECTOR;
  }

  private record Choice(Kernels kernels, String why) {}

  // The holder idiom defers the lookup to first use and prevents class-loading deadlocks.
  private static final class Holder {
    static final Kernels VECTOR = loadVector();
    static final Choice CHOICE = choose();

    private static Choice choose() {
      String forced = System.getProperty("gradlight.kernels", "").trim();
      Choice choice;
      switch (forced) {
        case "scalar" -> choice = new Choice(ScalarKernels.INSTANCE, "scalar kernels (forced by -Dgradlight.kernels=scalar)");
        case "vector" -> {
          if (VECTOR == null) {
            throw new IllegalStateException(
                "-Dgradlight.kernels=vector needs the Vector API: run java with --add-modules jdk.incubator.vector");
          }
          choice = new Choice(VECTOR, "vector kernels (forced by -Dgradlight.kernels=vector)");
        }
        case "" -> choice = VECTOR != null
            ? new Choice(VECTOR, "vector kernels (" + VECTOR + ")")
            : new Choice(ScalarKernels.INSTANCE,
                "scalar kernels (the Vector API is not readable: pass --add-modules jdk.incubator.vector for speed)");
        default -> throw new IllegalArgumentException(
            "-Dgradlight.kernels must be scalar or vector, got '" + forced + "'");
      }
      LOG.fine(() -> "gradlight uses " + choice.why());
      return choice;
    }

    private static Kernels loadVector() {
      if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
        return null;
      }
      try {
        var lookup = MethodHandles.lookup();
        Class<?> cls = lookup.findClass(VECTOR_CLASS);
        return (Kernels) lookup.findConstructor(cls, MethodType.methodType(void.class)).invoke();
      } catch (UnsupportedOperationException e) {
        return null; // the preferred vector is too narrow to pay off
      } catch (Throwable e) {
        throw new IllegalStateException("cannot load the vector kernels", e);
      }
    }
  }
}
