package io.gradlight.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.layers.BatchNorm2d;
import io.gradlight.nn.layers.Sequential;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.IntegerArray;
import io.gradlight.tensor.io.SafetensorsWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
  void readsPyTorchsInt64CounterAsAnIntegerAndLoadsItIntoBatchNorm() throws IOException {
    // A file laid out as safetensors.torch.save_file writes a BatchNorm2d(2) state dict.
    String header =
        "{\"0.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
            + "\"0.num_batches_tracked\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[8,16]},"
            + "\"0.running_mean\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[16,24]},"
            + "\"0.running_var\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[24,32]},"
            + "\"0.weight\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[32,40]}}";
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer file = ByteBuffer.allocate(8 + json.length + 40).order(ByteOrder.LITTLE_ENDIAN);
    file.putLong(json.length).put(json);
    file.putFloat(0.5f).putFloat(-0.5f).putLong(12_345_678_901L);
    file.putFloat(1).putFloat(2).putFloat(3).putFloat(4).putFloat(5).putFloat(6);
    Path path = tmp.resolve("bn.safetensors");
    Files.write(path, file.array());

    StateDict s = StateDict.read(path);
    assertTrue(s.isInteger("0.num_batches_tracked"));
    Sequential model = new Sequential(new BatchNorm2d(2));
    model.loadStateDict(s, true);
    BatchNorm2d bn = (BatchNorm2d) model.get(0);
    assertEquals(12_345_678_901L, bn.numBatchesTracked().value());
    assertArrayEquals(new float[] {3, 4}, bn.runningVar().value().f32());
    assertArrayEquals(new float[] {5, 6}, bn.weight().value().f32());
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
