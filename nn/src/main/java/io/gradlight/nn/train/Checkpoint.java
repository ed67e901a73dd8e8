package io.gradlight.nn.train;

import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.FormatException;
import io.gradlight.tensor.io.Json;
import io.gradlight.tensor.io.SafetensorsEntry;
import io.gradlight.tensor.io.SafetensorsFile;
import io.gradlight.tensor.io.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trained model as one safetensors file: the weights under their state-dict names, and in the
 * header's {@code __metadata__} what is needed to rebuild and use the model:
 *
 * <ul>
 *   <li>{@value #MODEL}: the zoo name, e.g. {@code shapesnet};
 *   <li>{@value #CLASSES}: the class names in label order, as a JSON array of strings;
 *   <li>{@value #ACTIVATION}: the activation the model was built with, e.g. {@code relu};
 *   <li>{@value #EPOCH}: the number of epochs trained;
 *   <li>any further string entries ({@link #extra}), e.g. the held-out accuracy or the seed.
 * </ul>
 *
 * Any safetensors file with these four metadata entries reads as a checkpoint.
 *
 * @param model the zoo name of the architecture
 * @param classNames the class names in label order (at least one)
 * @param activation the activation name
 * @param epoch the number of epochs trained (>= 0)
 * @param weights the state dict (F32 or F64 tensors by PyTorch-style name)
 * @param extra further metadata, without the four keys above
 */
public record Checkpoint(String model, List<String> classNames, String activation, int epoch,
    Map<String, Tensor> weights, Map<String, String> extra) {
  /** Metadata key of the model name. */
  public static final String MODEL = "gradlight.model";

  /** Metadata key of the class names (a JSON array). */
  public static final String CLASSES = "gradlight.classes";

  /** Metadata key of the activation. */
  public static final String ACTIVATION = "gradlight.activation";

  /** Metadata key of the epoch count. */
  public static final String EPOCH = "gradlight.epoch";

  private static final List<String> KEYS = List.of(MODEL, CLASSES, ACTIVATION, EPOCH);

  public Checkpoint {
    if (model == null || model.isBlank() || activation == null || activation.isBlank()) {
      throw new IllegalArgumentException(
          "a checkpoint needs a model and an activation name, got '" + model + "' and '"
              + activation + "'");
    }
    if (classNames.isEmpty()) {
      throw new IllegalArgumentException("a checkpoint needs at least one class name");
    }
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
    }
    for (String key : KEYS) {
      if (extra.containsKey(key)) {
        throw new IllegalArgumentException("extra metadata may not set the reserved key " + key);
      }
    }
    classNames = List.copyOf(classNames);
    weights = new LinkedHashMap<>(weights);
    extra = new TreeMap<>(extra);
  }

  @Override
  public Map<String, Tensor> weights() {
    return new LinkedHashMap<>(weights);
  }

  @Override
  public Map<String, String> extra() {
    return new TreeMap<>(extra);
  }

  /** The number of classes. */
  public int classCount() {
    return classNames.size();
  }

  /** The whole {@code __metadata__} map as written. */
  public Map<String, String> metadata() {
    Map<String, String> m = new TreeMap<>(extra);
    m.put(MODEL, model);
    m.put(CLASSES, "[" + String.join(",", classNames.stream().map(Json::quote).toList()) + "]");
    m.put(ACTIVATION, activation);
    m.put(EPOCH, Integer.toString(epoch));
    return m;
  }

  /**
   * Writes the checkpoint to {@code path} atomically: into a temporary file in the same folder,
   * then moved over {@code path}, so a reader sees the old file or the new one, never a part.
   */
  public void save(Path path) throws IOException {
    Path target = path.toAbsolutePath();
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      SafetensorsWriter.write(temp, weights, metadata());
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
    try (SafetensorsFile file = SafetensorsFile.open(path)) {
      Map<String, String> meta = new TreeMap<>(file.metadata());
      for (String key : KEYS) {
        if (!meta.containsKey(key)) {
          throw new FormatException(file.source(),
              "not a gradlight checkpoint: the metadata has no " + key);
        }
      }
      Map<String, Tensor> weights = new LinkedHashMap<>();
      for (SafetensorsEntry e : file.entries()) {
        weights.put(e.name(), file.tensor(e.name()));
      }
      String model = meta.remove(MODEL);
      List<String> classes = classNames(file.source(), meta.remove(CLASSES));
      String activation = meta.remove(ACTIVATION);
      int epoch = epoch(file.source(), meta.remove(EPOCH));
      return new Checkpoint(model, classes, activation, epoch, weights, meta);
    }
  }

  private static List<String> classNames(String source, String json) throws FormatException {
    Object parsed;
    try {
      parsed = Json.parse(json);
    } catch (Json.SyntaxException e) {
      throw new FormatException(source, CLASSES + " is not JSON: " + e.getMessage());
    }
    List<String> names = new ArrayList<>();
    if (parsed instanceof List<?> list && !list.isEmpty()) {
      for (Object o : list) {
        if (!(o instanceof String s)) {
          names.clear();
          break;
        }
        names.add(s);
      }
    }
    if (names.isEmpty()) {
      throw new FormatException(source, CLASSES + " must be a non-empty JSON array of strings,"
          + " got " + json);
    }
    return names;
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
