package io.gradlight.tensor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing safetensors: the reference implementation's serialization vectors byte for byte, the
 * tensor order and padding rules, and round trips through the reader.
 */
class SafetensorsWriterTest {
  @TempDir Path dir;

  @Test
  void referenceVectorSerialization() throws IOException {
    // safetensors test_serialization: "attn.0" F32 [1, 2, 3] = 0..5; a 64-byte header.
    byte[] bytes = write(Map.of("attn.0", Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 1, 2, 3)),
        Map.of());
    byte[] expected = concat(new byte[] {64, 0, 0, 0, 0, 0, 0, 0},
        ascii("{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}"),
        new byte[] {0, 0, 0, 0, 0, 0, (byte) 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0,
            (byte) 128, 64, 0, 0, (byte) 160, 64});
    assertArrayEquals(expected, bytes);
  }

  @Test
  void referenceVectorForcedAlignmentPadsWithSpaces() throws IOException {
    // safetensors test_serialization_forced_alignement: 65 header bytes padded to 72.
    byte[] bytes = write(Map.of("attn0", Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 1, 1, 2, 3)),
        Map.of());
    byte[] expected = concat(new byte[] {72, 0, 0, 0, 0, 0, 0, 0},
        ascii("{\"attn0\":{\"dtype\":\"F32\",\"shape\":[1,1,2,3],\"data_offsets\":[0,24]}}"
            + "       "),
        new byte[] {0, 0, 0, 0, 0, 0, (byte) 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0,
            (byte) 128, 64, 0, 0, (byte) 160, 64});
    assertArrayEquals(expected, bytes);
  }

  @Test
  void referenceVectorsEmpty() throws IOException {
    // safetensors test_empty, without and with metadata.
    assertArrayEquals(concat(new byte[] {8, 0, 0, 0, 0, 0, 0, 0}, ascii("{}      ")),
        write(Map.of(), Map.of()));
    assertArrayEquals(concat(new byte[] {40, 0, 0, 0, 0, 0, 0, 0},
        ascii("{\"__metadata__\":{\"framework\":\"pt\"}}     ")),
        write(Map.of(), Map.of("framework", "pt")));
  }

  @Test
  void ordersF64BeforeF32ThenByNameAndSortsMetadataKeys() throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("b", Tensor.of(new float[] {1}, 1));
    tensors.put("z", Tensor.of(new double[] {2}, 1));
    tensors.put("a", Tensor.of(new float[] {3}, 1));
    tensors.put("c", Tensor.of(new double[] {4}, 1));
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("y", "2");
    metadata.put("x", "1");
    String header = headerOf(write(tensors, metadata));
    assertEquals("{\"__metadata__\":{\"x\":\"1\",\"y\":\"2\"},"
        + "\"c\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},"
        + "\"z\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]},"
        + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[16,20]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[20,24]}}", header.strip());
    assertEquals(0, header.length() % 8);
  }

  @Test
  void namesCompareAsUtf8BytesAndEscapeAsJson() throws IOException {
    // U+FF21 sorts before U+1F600 in UTF-8 bytes but after it in UTF-16 code units.
    Map<String, Tensor> tensors = Map.of("\uFF21", Tensor.of(new float[] {1}, 1),
        "\uD83D\uDE00", Tensor.of(new float[] {2}, 1),
        "q\"\n", Tensor.of(new float[] {3}, 1));
    String header = headerOf(write(tensors, Map.of()));
    int quoted = header.indexOf("\"q\\\"\\n\"");
    int fullwidth = header.indexOf("\"\uFF21\"");
    int emoji = header.indexOf("\"\uD83D\uDE00\"");
    assertTrue(quoted > 0 && quoted < fullwidth && fullwidth < emoji, header);
  }

  @Test
  void roundTripsValuesShapesAndMetadata() throws IOException {
    Map<String, Tensor> tensors = Map.of(
        "w", Tensor.of(new float[] {1.5f, -0f, Float.NaN, Float.MIN_VALUE, 3e38f, -7f}, 2, 3),
        "s", Tensor.scalar(DType.F64, Math.PI),
        "e", Tensor.zeros(DType.F32, 0, 4));
    Path p = dir.resolve("rt.safetensors");
    SafetensorsWriter.write(p, tensors, Map.of("k", "v \u00e9"));
    try (SafetensorsFile f = SafetensorsFile.open(p)) {
      assertEquals(Map.of("k", "v \u00e9"), f.metadata());
      for (var e : tensors.entrySet()) {
        Tensor back = f.tensor(e.getKey());
        assertEquals(e.getValue().dtype(), back.dtype());
        assertEquals(e.getValue().shape(), back.shape());
        assertArrayEquals(bits(e.getValue()), bits(back), e.getKey());
      }
    }
  }

  @Test
  void rejectsTheReservedMetadataName() {
    var e = assertThrows(IllegalArgumentException.class, () ->
        write(Map.of("__metadata__", Tensor.of(new float[] {1}, 1)), Map.of()));
    assertEquals("tensor name \"__metadata__\" is reserved for the metadata map", e.getMessage());
  }

  private static byte[] write(Map<String, Tensor> tensors, Map<String, String> metadata)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SafetensorsWriter.write(out, tensors, metadata);
    return out.toByteArray();
  }

  private static String headerOf(byte[] file) {
    int n = (int) java.nio.ByteBuffer.wrap(file, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .getLong();
    return new String(file, 8, n, StandardCharsets.UTF_8);
  }

  private static long[] bits(Tensor t) {
    return Arrays.stream(t.toDoubleArray()).mapToLong(Double::doubleToRawLongBits).toArray();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
