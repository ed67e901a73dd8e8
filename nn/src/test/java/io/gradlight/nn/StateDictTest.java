package io.gradlight.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.IntegerArray;
import io.gradlight.tensor.io.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDictTest {
  @TempDir Path tmp;

  @Test
  void keepsFloatAndIntegerEntriesApartInInsertionOrder() {
    StateDict s =
        new StateDict()
            .put("b.weight", Tensor.ones(DType.F32, 2, 3))
            .put("b.count", new IntegerArray("I64", Shape.scalar(), new long[] {5}, false))
            .put("a.bias", Tensor.zeros(DType.F64, 3));
    assertEquals(List.of("b.weight", "b.count", "a.bias"), s.names());
    assertTrue(s.isInteger("b.count"));
    assertFalse(s.isInteger("a.bias"));
    assertEquals(List.of("b.weight", "a.bias"), List.copyOf(s.tensors().keySet()));
    assertEquals("I64 []", s.describe("b.count"));
    assertEquals("F32 [2, 3]", s.describe("b.weight"));
    assertThrows(IllegalArgumentException.class, () -> s.tensor("b.count"));
    assertThrows(IllegalArgumentException.class, () -> s.integers("a.bias"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> s.shape("nope"));
    assertTrue(e.getMessage().contains("no state-dict entry 'nope'"), e.getMessage());
  }

  @Test
  void readsEveryEntryOfASafetensorsFile() throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("conv.weight", Tensor.of(new float[] {1, -2, 3, 0.5f}, 1, 1, 2, 2));
    tensors.put("fc.bias", Tensor.of(new double[] {0.25, 7}, 2));
    Path file = tmp.resolve("w.safetensors");
    SafetensorsWriter.write(file, tensors, Map.of());
    StateDict s = StateDict.read(file);
    assertEquals(2, s.size());
    assertArrayEquals(new float[] {1, -2, 3, 0.5f}, s.tensor("conv.weight").f32());
    assertEquals(DType.F64, s.tensor("fc.bias").dtype());
  }
}
