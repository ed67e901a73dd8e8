package io.gradlight.nn;

import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.IntegerArray;
import io.gradlight.tensor.io.SafetensorsEntry;
import io.gradlight.tensor.io.SafetensorsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's state by PyTorch name, in insertion order: floating-point tensors (parameters and
 * buffers, e.g. {@code layer4.1.conv2.weight}, {@code bn1.running_mean}) and integer arrays
 * (BatchNorm's {@code num_batches_tracked}, an int64 scalar kept as an integer).
 *
 * <p>Tensors are shared, not copied (tensor values are immutable by convention). {@link #read}
 * loads every entry of a safetensors file, so a torchvision or timm state dict saved with {@code
 * safetensors.torch.save_file} reads as is.
 */
public final class StateDict {
  private final Map<String, Object> entries = new LinkedHashMap<>();

  /** Adds or replaces a floating-point entry. */
  public StateDict put(String name, Tensor value) {
    return putEntry(name, value);
  }

  /** Adds or replaces an integer entry. */
  public StateDict put(String name, IntegerArray value) {
    return putEntry(name, value);
  }

  private StateDict putEntry(String name, Object value) {
    if (name == null || name.isEmpty() || value == null) {
      throw new IllegalArgumentException(
          "a state-dict entry needs a name and a value, got " + name + " = " + value);
    }
    entries.put(name, value);
    return this;
  }

  /** The names, in insertion order (unmodifiable view). */
  public List<String> names() {
    return List.copyOf(entries.keySet());
  }

  public int size() {
    return entries.size();
  }

  public boolean contains(String name) {
    return entries.containsKey(name);
  }

  /** Whether {@code name} is an integer entry (false for floating point). */
  public boolean isInteger(String name) {
    return get(name) instanceof IntegerArray;
  }

  /** The shape of entry {@code name}. */
  public Shape shape(String name) {
    return switch (get(name)) {
      case Tensor t -> t.shape();
      case IntegerArray a -> a.shape();
      default -> throw new IllegalStateException("unreachable");
    };
  }

  /** The floating-point entry {@code name}. */
  public Tensor tensor(String name) {
    if (get(name) instanceof Tensor t) {
      return t;
    }
    throw new IllegalArgumentException(
        "state-dict entry '" + name + "' is an integer array, not" + " a floating-point tensor");
  }

  /** The integer entry {@code name}. */
  public IntegerArray integers(String name) {
    if (get(name) instanceof IntegerArray a) {
      return a;
    }
    throw new IllegalArgumentException(
        "state-dict entry '" + name + "' is a floating-point" + " tensor, not an integer array");
  }

  /** The floating-point entries, in order (unmodifiable). */
  public Map<String, Tensor> tensors() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    entries.forEach(
        (k, v) -> {
          if (v instanceof Tensor t) {
            out.put(k, t);
          }
        });
    return Collections.unmodifiableMap(out);
  }

  /** A description like {@code F32 [64, 3, 7, 7]} or {@code I64 []}. */
  public String describe(String name) {
    return switch (get(name)) {
      case Tensor t -> t.dtype() + " " + t.shape();
      case IntegerArray a -> a.dtype() + " " + a.shape();
      default -> throw new IllegalStateException("unreachable");
    };
  }

  private Object get(String name) {
    Object v = entries.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "no state-dict entry '" + name + "' (there are " + entries.size() + ")");
    }
    return v;
  }

  /**
   * Every entry of a safetensors file, in the file's data order: floating-point dtypes as tensors
   * (F16 and BF16 widened to F32), integer and boolean dtypes as integer arrays.
   *
   * @throws IOException if the file cannot be read or is not a valid safetensors file
   */
  public static StateDict read(Path path) throws IOException {
    StateDict state = new StateDict();
    try (SafetensorsFile file = SafetensorsFile.open(path)) {
      for (SafetensorsEntry e : file.entries()) {
        switch (e.dtype().kind()) {
          case FLOAT -> state.put(e.name(), file.tensor(e.name()));
          case INTEGER, BOOL -> state.put(e.name(), file.integers(e.name()));
          default ->
              throw new IllegalArgumentException(
                  path
                      + ": tensor '"
                      + e.name()
                      + "' has dtype "
                      + e.dtype()
                      + ", whose values gradlight cannot read");
        }
      }
    }
    return state;
  }

  @Override
  public String toString() {
    return "StateDict(" + entries.size() + " entries)";
  }
}
