package io.gradlight.nn;

import java.util.List;

/**
 * A state dict that does not fit a model: every missing, unexpected and mis-shaped (or mis-typed)
 * name, all in one message, like {@code ResNet: 2 missing keys: fc.weight, fc.bias; 1 mis-shaped
 * key: conv1.weight (model F32 [64, 3, 7, 7], state dict F32 [64, 3, 3, 3])}. Nothing was loaded.
 */
public final class StateDictException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> missing;
  private final List<String> unexpected;
  private final List<String> mismatched;

  StateDictException(
      String model, List<String> missing, List<String> unexpected, List<String> mismatched) {
    super(message(model, missing, unexpected, mismatched));
    this.missing = List.copyOf(missing);
    this.unexpected = List.copyOf(unexpected);
    this.mismatched = List.copyOf(mismatched);
  }

  /** Names the model has and the state dict lacks. */
  public List<String> missing() {
    return missing;
  }

  /** Names the state dict has and the model lacks. */
  public List<String> unexpected() {
    return unexpected;
  }

  /** Names both have, with a different shape or kind (integer or floating point). */
  public List<String> mismatched() {
    return mismatched;
  }

  private static String message(
      String model, List<String> missing, List<String> unexpected, List<String> mismatched) {
    StringBuilder s = new StringBuilder("state dict does not fit " + model + ":");
    String sep = " ";
    if (!missing.isEmpty()) {
      s.append(sep)
          .append(count(missing.size(), "missing key"))
          .append(": ")
          .append(String.join(", ", missing));
      sep = "; ";
    }
    if (!unexpected.isEmpty()) {
      s.append(sep)
          .append(count(unexpected.size(), "unexpected key"))
          .append(": ")
          .append(String.join(", ", unexpected));
      sep = "; ";
    }
    if (!mismatched.isEmpty()) {
      s.append(sep)
          .append(count(mismatched.size(), "mis-shaped key"))
          .append(": ")
          .append(String.join(", ", mismatched));
    }
    return s.toString();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
