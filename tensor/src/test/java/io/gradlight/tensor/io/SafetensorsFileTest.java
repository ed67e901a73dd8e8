package io.gradlight.tensor.io;

import static io.gradlight.tensor.io.IoFixtures.safetensors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading safetensors: the interop fixture, the reference implementation's test vectors, and one
 * crafted file per rejection rule, each checked for a message that starts with the file name and
 * names the rule and the offending value.
 */
class SafetensorsFileTest {
  private static final String I32_2X2 =
      "{\"test\":{\"dtype\":\"I32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}";

  @TempDir Path dir;

  @Test
  void readsEveryTensorOfTheFixtureWithTheValuesTorchWrote() throws Exception {
    try (SafetensorsFile f = SafetensorsFile.open(IoFixtures.fixture(
        "safetensors/model.safetensors"))) {
      Map<String, Object> expected = IoFixtures.expected();
      assertEquals(expected.get("safetensors_metadata"), f.metadata());
      @SuppressWarnings("unchecked")
      Map<String, Object> tensors = (Map<String, Object>) expected.get("safetensors");
      assertEquals(tensors.keySet(), Map.copyOf(byName(f.entries())).keySet());
      for (SafetensorsEntry e : f.entries()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> want = (Map<String, Object>) tensors.get(e.name());
        assertEquals(want.get("dtype"), e.dtype().name(), e.name());
        assertArrayEquals(IoFixtures.shape(want), toInts(e.shape()), e.name());
        switch (e.dtype().kind()) {
          case FLOAT -> {
            Tensor t = f.tensor(e.name());
            assertEquals(e.dtype() == SafetensorsDType.F64 ? DType.F64 : DType.F32, t.dtype());
            assertEquals(Shape.of(IoFixtures.shape(want)), t.shape());
            assertArrayEquals(IoFixtures.doubles(want), t.toDoubleArray(), 0.0, e.name());
          }
          case INTEGER, BOOL -> {
            IntegerArray a = f.integers(e.name());
            assertEquals(e.dtype().name(), a.dtype());
            assertArrayEquals(IoFixtures.longs(want), a.values(), e.name());
          }
          case LISTED_ONLY -> throw new AssertionError("the fixture has no listed-only dtype");
        }
      }
    }
  }

  @Test
  void listsEntriesInDataOrderWithByteSizes() throws Exception {
    byte[] file = safetensors("{\"b\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[4,20]},"
        + "\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]}}", 20);
    try (SafetensorsFile f = SafetensorsFile.open(IoFixtures.write(dir, "x.safetensors", file))) {
      assertEquals(List.of("a", "b"), f.entries().stream().map(SafetensorsEntry::name).toList());
      assertEquals(4, f.entry("a").byteSize());
      assertEquals(16, f.entry("b").byteSize());
      assertEquals(Map.of(), f.metadata());
    }
  }

  @Test
  void referenceVectorDeserialization() throws Exception {
    IntegerArray a = readIntegers(safetensors(I32_2X2, 16), "test");
    assertEquals(Shape.of(2, 2), a.shape());
    assertArrayEquals(new long[4], a.values());
  }

  @Test
  void referenceVectorEmptyShapeIsAScalar() throws Exception {
    IntegerArray a = readIntegers(safetensors(
        "{\"test\":{\"dtype\":\"I32\",\"shape\":[],\"data_offsets\":[0,4]}}", 4), "test");
    assertEquals(Shape.scalar(), a.shape());
    assertArrayEquals(new long[1], a.values());
  }

  @Test
  void referenceVectorZeroSizedTensor() throws Exception {
    IntegerArray a = readIntegers(safetensors(
        "{\"test\":{\"dtype\":\"I32\",\"shape\":[2,0],\"data_offsets\":[0, 0]}}", 0), "test");
    assertEquals(Shape.of(2, 0), a.shape());
    assertEquals(0, a.values().length);
  }

  @Test
  void referenceVectorsWhitespacePaddedHeaders() throws Exception {
    for (String header : List.of("{}\r \t\n", "\t\n{}\r ")) {
      try (SafetensorsFile f = SafetensorsFile.open(
          IoFixtures.write(dir, "w.safetensors", safetensors(header, 0)))) {
        assertEquals(0, f.entries().size(), header);
      }
    }
  }

  @Test
  void decodesSignedUnsignedAndHalfTypesExactly() throws Exception {
    // I8 -1, U16 65535, I16 -2, U32 2^32-1, U64 2^64-1, F16 -2.0 (0xc000), BF16 1.0 (0x3f80).
    String header = "{\"u64\":{\"dtype\":\"U64\",\"shape\":[1],\"data_offsets\":[0,8]},"
        + "\"u32\":{\"dtype\":\"U32\",\"shape\":[1],\"data_offsets\":[8,12]},"
        + "\"u16\":{\"dtype\":\"U16\",\"shape\":[1],\"data_offsets\":[12,14]},"
        + "\"i16\":{\"dtype\":\"I16\",\"shape\":[1],\"data_offsets\":[14,16]},"
        + "\"f16\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[16,18]},"
        + "\"bf16\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[18,20]},"
        + "\"i8\":{\"dtype\":\"I8\",\"shape\":[1],\"data_offsets\":[20,21]}}";
    byte[] data = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -2, -1,
        0x00, (byte) 0xc0, (byte) 0x80, 0x3f, -1};
    Path p = IoFixtures.write(dir, "t.safetensors",
        safetensors(header.length(), header, data));
    try (SafetensorsFile f = SafetensorsFile.open(p)) {
      IntegerArray u64 = f.integers("u64");
      assertTrue(u64.unsigned64());
      assertEquals("18446744073709551615", Long.toUnsignedString(u64.values()[0]));
      assertEquals(0x1p64, u64.doubleValue(0));
      assertEquals(0xffff_ffffL, f.integers("u32").values()[0]);
      assertEquals(65535, f.integers("u16").values()[0]);
      assertEquals(-2, f.integers("i16").values()[0]);
      assertEquals(-1, f.integers("i8").values()[0]);
      assertEquals(-2.0, f.tensor("f16").item());
      assertEquals(1.0, f.tensor("bf16").item());
    }
  }

  @Test
  void listsButDoesNotReadEightBitFloats() throws Exception {
    Path p = IoFixtures.write(dir, "f8.safetensors", safetensors(
        "{\"q\":{\"dtype\":\"F8_E4M3\",\"shape\":[3],\"data_offsets\":[0,3]}}", 3));
    try (SafetensorsFile f = SafetensorsFile.open(p)) {
      assertEquals(SafetensorsDType.F8_E4M3, f.entry("q").dtype());
      assertEquals(3, f.entry("q").byteSize());
      var e = assertThrows(IllegalArgumentException.class, () -> f.tensor("q"));
      assertTrue(e.getMessage().contains("F8_E4M3"), e.getMessage());
    }
  }

  @Test
  void wrongAccessorOrUnknownNameIsAnArgumentError() throws Exception {
    Path p = IoFixtures.write(dir, "i.safetensors", safetensors(I32_2X2, 16));
    try (SafetensorsFile f = SafetensorsFile.open(p)) {
      assertTrue(assertThrows(IllegalArgumentException.class, () -> f.tensor("test"))
          .getMessage().contains("integers()"));
      assertTrue(assertThrows(IllegalArgumentException.class, () -> f.entry("nope"))
          .getMessage().contains("\"nope\""));
    }
    Path q = IoFixtures.write(dir, "f.safetensors", safetensors(
        "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4));
    try (SafetensorsFile f = SafetensorsFile.open(q)) {
      assertTrue(assertThrows(IllegalArgumentException.class, () -> f.integers("w"))
          .getMessage().contains("tensor()"));
    }
  }

  // ---- rejections: one per rule -------------------------------------------------------------

  @Test
  void rejectsAFileShorterThanEightBytes() throws Exception {
    assertRejected(new byte[0], "file is 0 bytes, shorter than the 8-byte header length");
    assertRejected(new byte[7], "file is 7 bytes");
  }

  @Test
  void rejectsAHeaderLengthOverTheLimit() throws Exception {
    // The reference vector: 0xff in the high bytes of N.
    byte[] file = safetensors(I32_2X2, 16);
    file[5] = file[6] = file[7] = (byte) 0xff;
    assertRejected(file, "header length 18446742974197923900 exceeds the limit of 100000000");
    assertRejected(safetensors(100_000_001, "{}", new byte[0]),
        "header length 100000001 exceeds the limit");
  }

  @Test
  void rejectsAHeaderLengthPastTheEndOfTheFile() throws Exception {
    assertRejected(safetensors(60, "", new byte[0]),
        "header length 60 runs past the end of the 8-byte file");
  }

  @Test
  void rejectsANonUtf8Header() throws Exception {
    assertRejected(safetensors(1, "", new byte[] {(byte) 0xff}),
        "header is not valid UTF-8: byte 0xff at header offset 0");
  }

  @Test
  void rejectsBadJson() throws Exception {
    assertRejected(safetensors("{", 0), "header is not valid JSON", "end of input");
    assertRejected(safetensors("x{}", 0), "header is not valid JSON", "'x'");
    assertRejected(safetensors("[]", 0), "header is a JSON array, expected an object");
  }

  @Test
  void rejectsAnUnknownDtype() throws Exception {
    assertRejected(safetensors(
        "{\"w\":{\"dtype\":\"F17\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4),
        "tensor \"w\" has unknown dtype \"F17\"");
  }

  @Test
  void rejectsDuplicateNames() throws Exception {
    String info = "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";
    assertRejected(safetensors("{\"w\":" + info + ",\"w\":" + info + "}", 4),
        "duplicate key \"w\"");
  }

  @Test
  void rejectsOffsetsOutOfBounds() throws Exception {
    assertRejected(safetensors(I32_2X2, 8),
        "offsets out of bounds: tensor \"test\" data_offsets [0, 16] end past the 8-byte data");
    // The reference vector: a buffer two bytes short.
    assertRejected(safetensors(I32_2X2, 14), "offsets out of bounds", "14-byte data section");
  }

  @Test
  void rejectsOverlappingOffsets() throws Exception {
    // The reference "JSON attack": ten tensors sharing the bytes [0, 16).
    StringBuilder h = new StringBuilder("{");
    for (int i = 0; i < 10; i++) {
      h.append(i == 0 ? "" : ",").append("\"weight_").append(i)
          .append("\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}");
    }
    assertRejected(safetensors(h.append('}').toString(), 16),
        "overlapping offsets: tensor \"weight_1\" data_offsets [0, 16] overlap tensor "
            + "\"weight_0\" ending at 16");
  }

  @Test
  void rejectsGapsBetweenTensors() throws Exception {
    assertRejected(safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", 12),
        "gap in the data: tensor \"b\" data_offsets [8, 12] leave bytes [4, 8) unused");
    assertRejected(safetensors(
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8),
        "gap in the data", "[0, 4)");
  }

  @Test
  void rejectsOffsetsThatEndBeforeTheyBegin() throws Exception {
    assertRejected(safetensors(
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[4,0]}}", 4),
        "invalid offsets: tensor \"a\" data_offsets [4, 0] end before they begin");
  }

  @Test
  void rejectsAByteSizeThatDoesNotMatchTheShape() throws Exception {
    // The reference vector: I32 [2, 2] needs 16 bytes, the offsets give 4.
    assertRejected(safetensors(
        "{\"test\":{\"dtype\":\"I32\",\"shape\":[2,2],\"data_offsets\":[0, 4]}}", 4),
        "byte size mismatch: tensor \"test\" I32 [2, 2] needs 16 bytes but data_offsets [0, 4]"
            + " span 4");
  }

  @Test
  void rejectsSizeOverflow() throws Exception {
    long twoTo62 = 1L << 62;
    assertRejected(safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[2," + twoTo62
        + "],\"data_offsets\":[0,16]}}", 16),
        "size overflow: tensor \"a\" F32 [2, 4611686018427387904]");
    // The reference vectors: shapes [2, 2^64 - 2] and [2, 2^63 - 1].
    assertRejected(safetensors(
        "{\"test\":{\"dtype\":\"I32\",\"shape\":[2,18446744073709551614],"
            + "\"data_offsets\":[0,16]}}", 16),
        "size overflow", "18446744073709551614");
    assertRejected(safetensors(
        "{\"test\":{\"dtype\":\"I32\",\"shape\":[2,9223372036854775807],"
            + "\"data_offsets\":[0,16]}}", 16),
        "size overflow", "[2, 9223372036854775807]");
  }

  @Test
  void rejectsTrailingBytes() throws Exception {
    // The reference polyglot vector.
    byte[] tail = "extra_bogus_data_for_polyglot_file".getBytes(StandardCharsets.US_ASCII);
    byte[] data = new byte[16 + tail.length];
    System.arraycopy(tail, 0, data, 16, tail.length);
    assertRejected(safetensors(I32_2X2.length(), I32_2X2, data),
        "trailing bytes: 34 bytes after the last tensor's data");
  }

  @Test
  void rejectsMisalignedSubByteData() throws Exception {
    assertRejected(safetensors(
        "{\"a\":{\"dtype\":\"F4\",\"shape\":[3],\"data_offsets\":[0,2]}}", 2),
        "misaligned data: tensor \"a\" F4 [3] is 12 bits");
  }

  @Test
  void rejectsUnknownAndMissingFields() throws Exception {
    assertRejected(safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],"
        + "\"strides\":[1]}}", 4), "tensor \"a\" has unknown field \"strides\"");
    assertRejected(safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", 0),
        "tensor \"a\" has no data_offsets");
    assertRejected(safetensors("{\"a\":[1]}", 0), "tensor \"a\" is a JSON array");
  }

  @Test
  void rejectsNonStringMetadata() throws Exception {
    assertRejected(safetensors("{\"__metadata__\":{\"epochs\":3}}", 0),
        "__metadata__ value of key \"epochs\" is a JSON number, expected a string");
    assertRejected(safetensors("{\"__metadata__\":[]}", 0), "__metadata__ is a JSON array");
  }

  @Test
  void rejectsNegativeAndNonIntegerSizesAndOffsets() throws Exception {
    assertRejected(safetensors(
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4),
        "tensor \"a\" shape entry -1 is negative");
    assertRejected(safetensors(
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1.0],\"data_offsets\":[0,4]}}", 4),
        "tensor \"a\" shape entry 1.0 is not an integer");
    assertRejected(safetensors(
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4e0]}}", 4),
        "tensor \"a\" data_offsets entry 4 is not an integer");
    assertRejected(safetensors(
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}", 4),
        "data_offsets [0] must hold exactly [begin, end]");
  }

  @Test
  void rejectsBooleanBytesOtherThanZeroAndOne() throws Exception {
    String header = "{\"m\":{\"dtype\":\"BOOL\",\"shape\":[2],\"data_offsets\":[0,2]}}";
    Path p = IoFixtures.write(dir, "b.safetensors",
        safetensors(header.length(), header, new byte[] {1, 2}));
    try (SafetensorsFile f = SafetensorsFile.open(p)) {
      var e = assertThrows(FormatException.class, () -> f.integers("m"));
      assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
      assertTrue(e.getMessage().contains("tensor \"m\" boolean element 1 is 2, expected 0 or 1"),
          e.getMessage());
    }
  }

  @Test
  void rejectsATensorTooLargeForAJavaArrayWhenItIsRead() throws Exception {
    long n = 1L << 31; // one element more than Integer.MAX_VALUE: a 2 GiB sparse file
    String header = "{\"big\":{\"dtype\":\"U8\",\"shape\":[" + n + "],\"data_offsets\":[0," + n
        + "]}}";
    Path p = IoFixtures.write(dir, "big.safetensors", safetensors(header, 0));
    try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
      raf.setLength(raf.length() + n);
    }
    try (SafetensorsFile f = SafetensorsFile.open(p)) {
      assertEquals(n, f.entry("big").byteSize()); // listing works
      var e = assertThrows(FormatException.class, () -> f.integers("big"));
      assertTrue(e.getMessage().startsWith(p + ": tensor \"big\" U8 [2147483648] has 2147483648"
          + " elements, more than a Java array holds (2147483639)"), e.getMessage());
    }
  }

  private void assertRejected(byte[] file, String... fragments) throws IOException {
    Path p = IoFixtures.write(dir, "bad.safetensors", file);
    FormatException e = assertThrows(FormatException.class, () -> SafetensorsFile.open(p).close());
    assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
    for (String fragment : fragments) {
      assertTrue(e.getMessage().contains(fragment),
          "message\n  " + e.getMessage() + "\nlacks\n  " + fragment);
    }
  }

  private IntegerArray readIntegers(byte[] file, String name) throws IOException {
    try (SafetensorsFile f = SafetensorsFile.open(IoFixtures.write(dir, "r.safetensors", file))) {
      return f.integers(name);
    }
  }

  private static Map<String, SafetensorsEntry> byName(List<SafetensorsEntry> entries) {
    return entries.stream().collect(java.util.stream.Collectors.toMap(
        SafetensorsEntry::name, e -> e));
  }

  private static int[] toInts(long[] shape) {
    return java.util.Arrays.stream(shape).mapToInt(Math::toIntExact).toArray();
  }
}
