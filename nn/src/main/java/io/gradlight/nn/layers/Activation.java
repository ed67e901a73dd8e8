package io.gradlight.nn.layers;

import io.gradlight.nn.Module;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The activation a model uses wherever torchvision puts a ReLU: swapping it shows how a smooth
 * activation changes gradients and explanations (and Grad-CAM++'s closed-form higher derivatives,
 * exact only for piecewise-linear heads).
 */
public enum Activation {
  RELU(ReLU::new),
  SOFTPLUS(Softplus::new),
  SILU(SiLU::new),
  GELU(GELU::new),
  TANH(Tanh::new);

  private final Supplier<Module> factory;

  Activation(Supplier<Module> factory) {
    this.factory = factory;
  }

  /** A new layer computing this activation. */
  public Module create() {
    return factory.get();
  }

  /** The lower-case name used on the command line, e.g. {@code silu}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The activation called {@code name} (case-insensitive), or an error listing the names. */
  public static Activation parse(String name) {
    for (Activation a : values()) {
      if (a.cliName().equalsIgnoreCase(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown activation '"
            + name
            + "'; expected one of "
            + String.join(", ", Arrays.stream(values()).map(Activation::cliName).toList()));
  }
}
