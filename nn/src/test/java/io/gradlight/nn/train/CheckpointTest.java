package io.gradlight.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.StateDict;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.FormatException;
import io.gradlight.tensor.io.IntegerArray;
import io.gradlight.tensor.io.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  @TempDir Path dir;

  private static IntegerArray counter(long value) {
    return new IntegerArray("I64", Shape.scalar(), new long[] {value}, false);
  }

  private static Checkpoint sample() {
    StateDict state = new StateDict()
        .put("conv.weight", Tensor.arange(DType.F32, 6).reshape(2, 3))
        .put("bn.num_batches_tracked", counter(1L << 40))
        .put("fc.bias", Tensor.of(new double[] {0.5, -1}, 2));
    return new Checkpoint("shapesnet", List.of("circle", "a \"quoted\", name"), "relu", 3,
        state, Map.of("accuracy", "0.98"));
  }

  @Test
  void roundTripsWeightsAndMetadata() throws IOException {
    Path file = dir.resolve("model.safetensors");
    sample().save(file);
    Checkpoint read = Checkpoint.load(file);
    assertEquals("shapesnet", read.model());
    assertEquals(List.of("circle", "a \"quoted\", name"), read.classNames());
    assertEquals(2, read.classCount());
    assertEquals("relu", read.activation());
    assertEquals(3, read.epoch());
    assertEquals(Map.of("accuracy", "0.98"), read.extra());
    StateDict state = read.state();
    assertEquals(DType.F32, state.tensor("conv.weight").dtype());
    assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5},
        state.tensor("conv.weight").toDoubleArray());
    assertArrayEquals(new double[] {0.5, -1}, state.tensor("fc.bias").toDoubleArray());
    assertArrayEquals(new long[] {1L << 40}, state.integers("bn.num_batches_tracked").values());
    assertEquals(Shape.scalar(), state.shape("bn.num_batches_tracked"));
  }

  @Test
  void saveReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("model.safetensors");
    Files.writeString(file, "old");
    sample().save(file);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
    assertEquals(3, Checkpoint.load(file).epoch());
    Path plain = Files.createFile(dir.resolve("plain"));
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file),
        "the checkpoint gets the permissions of any new file, not a temporary file's");
  }

  @Test
  void rejectsFilesWithoutCheckpointMetadata() throws IOException {
    Path plain = dir.resolve("plain.safetensors");
    SafetensorsWriter.write(plain, Map.of("w", Tensor.zeros(DType.F32, 2)), Map.of());
    var e = assertThrows(FormatException.class, () -> Checkpoint.load(plain));
    assertTrue(e.getMessage().contains("not a gradlight checkpoint"), e.getMessage());

    Map<String, String> meta = new TreeMap<>(sample().metadata());
    meta.put(Checkpoint.CLASSES, "[1, 2]");
    Path badClasses = dir.resolve("bad.safetensors");
    SafetensorsWriter.write(badClasses, Map.of("w", Tensor.zeros(DType.F32, 2)), meta);
    e = assertThrows(FormatException.class, () -> Checkpoint.load(badClasses));
    assertTrue(e.getMessage().contains(Checkpoint.CLASSES), e.getMessage());

    meta = new TreeMap<>(sample().metadata());
    meta.put(Checkpoint.COUNTERS, "{\"w\": 1.5}");
    Path badCounter = dir.resolve("counter.safetensors");
    SafetensorsWriter.write(badCounter, Map.of("v", Tensor.zeros(DType.F32, 2)), meta);
    e = assertThrows(FormatException.class, () -> Checkpoint.load(badCounter));
    assertTrue(e.getMessage().contains(Checkpoint.COUNTERS), e.getMessage());
  }

  @Test
  void validatesItsFields() {
    StateDict none = new StateDict();
    assertThrows(IllegalArgumentException.class,
        () -> new Checkpoint("m", List.of(), "relu", 0, none, Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> new Checkpoint("m", List.of("a"), "relu", -1, none, Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> new Checkpoint("m", List.of("a"), "relu", 0, none,
            Map.of(Checkpoint.MODEL, "x")));
    StateDict vector = new StateDict().put("n", new IntegerArray("I64", Shape.of(2),
        new long[] {1, 2}, false));
    assertThrows(IllegalArgumentException.class,
        () -> new Checkpoint("m", List.of("a"), "relu", 0, vector, Map.of()));
  }
}
