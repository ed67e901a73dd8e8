package io.gradlight.nn.train;

import io.gradlight.nn.Module;
import io.gradlight.nn.StateDict;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.Models;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.io.FormatException;
import io.gradlight.tensor.io.IntegerArray;
import io.gradlight.tensor.io.Json;
import io.gradlight.tensor.io.SafetensorsFile;
import io.gradlight.tensor.io.SafetensorsWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trained model as one safetensors file: the floating-point state-dict entries as tensors under
 * their PyTorch names, and in the header's {@code __metadata__} what is needed to rebuild and use
 * the model:
 *
 * <ul>
 *   <li>{@value #MODEL}: the zoo name, e.g. {@code shapesnet};
 *   <li>{@value #CLASSES}: the class names in label order, as a JSON array of strings;
 *   <li>{@value #ACTIVATION}: the activation the model was built with, e.g. {@code relu};
 *   <li>{@value #EPOCH}: the number of epochs trained;
 *   <li>{@value #COUNTERS}: the integer scalars of the state (BatchNorm's {@code
 *       num_batches_tracked}) as a JSON object from name to value, because the safetensors writer
 *       writes F32 and F64 only; {@link #load} puts them back into the state dict as I64 scalars
 *       (PyTorch's BatchNorm fills in a missing {@code num_batches_tracked} itself);
 *   <li>any further string entries ({@link #extra}), e.g. the held-out accuracy or the seed.
 * </ul>
 *
 * @param model the zoo name of the architecture
 * @param classNames the class names in label order (at least one)
 * @param activation the activation name
 * @param epoch the number of epochs trained (>= 0)
 * @param state the model's state dict (shared, not copied)
 * @param extra further metadata, without the reserved keys above
 */
public record Checkpoint(String model, List<String> classNames, String activation, int epoch,
    StateDict state, Map<String, String> extra) {
  /** Metadata key of the model name. */
  public static final String MODEL = "gradlight.model";

  /** Metadata key of the class names (a JSON array). */
  public static final String CLASSES = "gradlight.classes";

  /** Metadata key of the activation. */
  public static final String ACTIVATION = "gradlight.activation";

  /** Metadata key of the epoch count. */
  public static final String EPOCH = "gradlight.epoch";

  /** Metadata key of the integer scalars (a JSON object). */
  public static final String COUNTERS = "gradlight.counters";

  private static final List<String> REQUIRED = List.of(MODEL, CLASSES, ACTIVATION, EPOCH);

  public Checkpoint {
    if (model == null || model.isBlank() || activation == null || activation.isBlank()) {
      throw new IllegalArgumentException("a checkpoint needs a model and an activation name, got '"
          + model + "' and '" + activation + "'");
    }
    if (classNames.isEmpty()) {
      throw new IllegalArgumentException("a checkpoint needs at least one class name");
    }
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
    }
    if (extra.containsKey(COUNTERS) || REQUIRED.stream().anyMatch(extra::containsKey)) {
      throw new IllegalArgumentException("extra metadata may not set a reserved key ("
          + String.join(", ", REQUIRED) + ", " + COUNTERS + "), got " + extra.keySet());
    }
    for (String name : state.names()) {
      if (state.isInteger(name) && state.shape(name).rank() != 0) {
        throw new IllegalArgumentException("a checkpoint stores integer scalars only, but '"
            + name + "' is " + state.describe(name));
      }
    }
    classNames = List.copyOf(classNames);
    extra = new TreeMap<>(extra);
  }

  @Override
  public Map<String, String> extra() {
    return new TreeMap<>(extra);
  }

  /** The number of classes. */
  public int classCount() {
    return classNames.size();
  }

  /**
   * The zoo model this checkpoint describes, with its weights loaded (strictly: every name must
   * fit) and in evaluation mode.
   *
   * @throws IllegalArgumentException for an unknown model or activation, or weights that do not
   *     fit the model ({@link io.gradlight.nn.StateDictException}, listing every bad name)
   */
  public Module newModel() {
    Module net = Models.create(model, classCount(), Activation.parse(activation), 0);
    net.loadStateDict(state, true);
    return net.eval();
  }

  /** The whole {@code __metadata__} map as written. */
  public Map<String, String> metadata() {
    Map<String, String> m = new TreeMap<>(extra);
    m.put(MODEL, model);
    m.put(CLASSES, "[" + String.join(",", classNames.stream().map(Json::quote).toList()) + "]");
    m.put(ACTIVATION, activation);
    m.put(EPOCH, Integer.toString(epoch));
    List<String> counters = new ArrayList<>();
    for (String name : state.names()) {
      if (state.isInteger(name)) {
        counters.add(Json.quote(name) + ":" + state.integers(name).values()[0]);
      }
    }
    if (!counters.isEmpty()) {
      m.put(COUNTERS, "{" + String.join(",", counters) + "}");
    }
    return m;
  }

  /**
   * Writes the checkpoint to {@code path} atomically: into a temporary file in the same folder,
   * then moved over {@code path}, so a reader sees the old file or the new one, never a part.
   */
  public void save(Path path) throws IOException {
    Path target = path.toAbsolutePath();
    // Not Files.createTempFile: its owner-only permissions would stay on the moved file.
    Path temp = target.resolveSibling(
        "." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(
          Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW))) {
        SafetensorsWriter.write(out, state.tensors(), metadata());
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Reads a checkpoint written by {@link #save} (or any file with the same metadata). */
  public static Checkpoint load(Path path) throws IOException {
    Map<String, String> meta;
    String source;
    try (SafetensorsFile file = SafetensorsFile.open(path)) {
      meta = new TreeMap<>(file.metadata());
      source = file.source();
    }
    for (String key : REQUIRED) {
      if (!meta.containsKey(key)) {
        throw new FormatException(source, "not a gradlight checkpoint: the metadata has no "
            + key);
      }
    }
    StateDict state = StateDict.read(path);
    String counters = meta.remove(COUNTERS);
    if (counters != null) {
      readCounters(source, counters, state);
    }
    return new Checkpoint(meta.remove(MODEL), classNames(source, meta.remove(CLASSES)),
        meta.remove(ACTIVATION), epoch(source, meta.remove(EPOCH)), state, meta);
  }

  private static Object parse(String source, String key, String json) throws FormatException {
    try {
      return Json.parse(json);
    } catch (Json.SyntaxException e) {
      throw new FormatException(source, key + " is not JSON: " + e.getMessage());
    }
  }

  private static List<String> classNames(String source, String json) throws FormatException {
    List<String> names = new ArrayList<>();
    if (parse(source, CLASSES, json) instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof String s) {
          names.add(s);
        }
      }
      if (names.size() != list.size()) {
        names.clear();
      }
    }
    if (names.isEmpty()) {
      throw new FormatException(source, CLASSES + " must be a non-empty JSON array of strings,"
          + " got " + json);
    }
    return names;
  }

  private static void readCounters(String source, String json, StateDict state)
      throws FormatException {
    if (!(parse(source, COUNTERS, json) instanceof Map<?, ?> map)) {
      throw new FormatException(source, COUNTERS + " must be a JSON object, got " + json);
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String name = (String) e.getKey();
      if (!(e.getValue() instanceof BigInteger value) || value.bitLength() > 63
          || state.contains(name)) {
        throw new FormatException(source, COUNTERS + " entry '" + name + "' must be a 64-bit"
            + " integer not also stored as a tensor, got " + e.getValue());
      }
      state.put(name, new IntegerArray("I64", Shape.scalar(), new long[] {value.longValue()},
          false));
    }
  }

  private static int epoch(String source, String text) throws FormatException {
    try {
      int epoch = Integer.parseInt(text);
      if (epoch >= 0) {
        return epoch;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new FormatException(source, EPOCH + " must be an integer >= 0, got '" + text + "'");
  }
}
