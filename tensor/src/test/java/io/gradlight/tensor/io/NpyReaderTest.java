package io.gradlight.tensor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading .npy: every numpy-written fixture against its expected values, then rejections. */
class NpyReaderTest {
  @TempDir Path dir;

  @Test
  void readsEveryNumpyFixtureWithNumpysValues() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> all = (Map<String, Object>) IoFixtures.expected().get("npy");
    for (String name : all.keySet()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> want = (Map<String, Object>) all.get(name);
      Path p = IoFixtures.fixture("npy/" + name);
      NpyHeader h = NpyReader.header(p);
      assertEquals(want.get("dtype"), h.dtype().descr(), name);
      assertEquals(want.get("fortran_order"), h.fortranOrder(), name);
      Shape shape = Shape.of(IoFixtures.shape(want));
      if (h.dtype().isFloat()) {
        Tensor t = NpyReader.tensor(p);
        assertEquals(h.dtype().byteSize() == 8 ? DType.F64 : DType.F32, t.dtype(), name);
        assertEquals(shape, t.shape(), name);
        assertArrayEquals(bits(IoFixtures.doubles(want)), bits(t.toDoubleArray()), name);
      } else {
        IntegerArray a = NpyReader.integers(p);
        assertEquals(shape, a.shape(), name);
        assertArrayEquals(IoFixtures.longs(want), a.values(), name);
      }
    }
    assertEquals(14, all.size(), "fixtures checked");
  }

  @Test
  void readsVersionTwoAndFortranOrderHeaders() throws Exception {
    NpyHeader v2 = NpyReader.header(IoFixtures.fixture("npy/f8_v2_3x2.npy"));
    assertEquals(2, v2.version());
    assertEquals(0, v2.dataOffset() % 64);
    NpyHeader fortran = NpyReader.header(IoFixtures.fixture("npy/f8_fortran_3x4.npy"));
    assertTrue(fortran.fortranOrder());
    // numpy's element [1][2] of arange(12).reshape(3, 4) / 8 is 6 / 8.
    assertEquals(0.75, NpyReader.tensor(IoFixtures.fixture("npy/f8_fortran_3x4.npy")).get(1, 2));
  }

  @Test
  void readsVersionThreeUtf8Headers() throws Exception {
    byte[] v1 = Files.readAllBytes(IoFixtures.fixture("npy/f4_2x3.npy"));
    int headerLength = ByteBuffer.wrap(v1, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
    byte[] v3 = ByteBuffer.allocate(v1.length + 2).order(ByteOrder.LITTLE_ENDIAN)
        .put(NpyReader.MAGIC).put((byte) 3).put((byte) 0).putInt(headerLength)
        .put(v1, 10, v1.length - 10).array();
    Path p = IoFixtures.write(dir, "v3.npy", v3);
    assertEquals(3, NpyReader.header(p).version());
    assertArrayEquals(NpyReader.tensor(IoFixtures.fixture("npy/f4_2x3.npy")).f32(),
        NpyReader.tensor(p).f32());
  }

  @Test
  void refusesObjectArraysWhichArePickles() throws Exception {
    var e = assertThrows(FormatException.class,
        () -> NpyReader.header(IoFixtures.fixture("npy/object.npy")));
    assertTrue(e.getMessage().contains("dtype '|O' is an object array, stored as a pickle"),
        e.getMessage());
  }

  @Test
  void wrongAccessorIsAnArgumentError() {
    assertThrows(IllegalArgumentException.class,
        () -> NpyReader.tensor(IoFixtures.fixture("npy/i8_4.npy")));
    assertThrows(IllegalArgumentException.class,
        () -> NpyReader.integers(IoFixtures.fixture("npy/f4_0d.npy")));
  }

  @Test
  void rejectsFilesShorterThanTheHeaderPrefix() throws Exception {
    assertRejected(new byte[5], "file is 5 bytes, too short for a .npy header");
  }

  @Test
  void rejectsAMissingMagic() throws Exception {
    assertRejected("PK\u0003\u0004 not numpy at all".getBytes(StandardCharsets.ISO_8859_1),
        "not a .npy file: it does not start with \\x93NUMPY");
  }

  @Test
  void rejectsUnknownVersions() throws Exception {
    byte[] file = numpyFile("f4_2x3.npy");
    file[6] = 4;
    assertRejected(file, "unsupported .npy version 4.0");
  }

  @Test
  void rejectsAHeaderOverTenThousandBytes() throws Exception {
    byte[] file = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (), }"
        + " ".repeat(10_000) + "\n", new byte[4]);
    assertRejected(file, "header length 10056 exceeds the limit of 10000 bytes");
  }

  @Test
  void rejectsAHeaderPastTheEndOfTheFile() throws Exception {
    byte[] file = Arrays.copyOf(numpyFile("f4_2x3.npy"), 40);
    assertRejected(file, "header length 118 runs past the end of the 40-byte file");
  }

  @Test
  void rejectsTruncatedData() throws Exception {
    byte[] file = numpyFile("f4_2x3.npy");
    assertRejected(Arrays.copyOf(file, file.length - 1),
        "truncated: shape [2, 3] of '<f4' needs 24 data bytes, the file has 23");
  }

  @Test
  void rejectsTrailingBytes() throws Exception {
    byte[] file = numpyFile("f4_2x3.npy");
    assertRejected(Arrays.copyOf(file, file.length + 3), "trailing bytes: 3 bytes after");
  }

  @Test
  void rejectsUnsupportedDtypes() throws Exception {
    assertRejected(npy(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }\n",
        new byte[8]), "unsupported dtype '<c8'");
    assertRejected(npy(1, "{'descr': '|f4', 'fortran_order': False, 'shape': (1,), }\n",
        new byte[4]), "dtype '|f4' has no byte order but 4-byte elements");
  }

  @Test
  void rejectsSizeOverflow() throws Exception {
    assertRejected(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, "
        + (1L << 62) + "), }\n", new byte[0]), "size overflow: shape [2, 4611686018427387904]");
  }

  @Test
  void rejectsAnArrayTooLargeForAJavaArrayWhenRead() throws Exception {
    long n = 1L << 31;
    Path p = IoFixtures.write(dir, "big.npy",
        npy(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (" + n + ",), }\n",
            new byte[0]));
    try (var raf = new java.io.RandomAccessFile(p.toFile(), "rw")) {
      raf.setLength(raf.length() + n);
    }
    assertEquals(n, NpyReader.header(p).elementCount());
    var e = assertThrows(FormatException.class, () -> NpyReader.integers(p));
    assertTrue(e.getMessage().startsWith(p + ": array '|u1' [2147483648] has 2147483648 elements,"
        + " more than a Java array holds"), e.getMessage());
  }

  @Test
  void rejectsBooleanBytesOtherThanZeroAndOne() throws Exception {
    Path p = IoFixtures.write(dir, "b.npy",
        npy(1, "{'descr': '|b1', 'fortran_order': False, 'shape': (2,), }\n", new byte[] {0, 7}));
    var e = assertThrows(FormatException.class, () -> NpyReader.integers(p));
    assertTrue(e.getMessage().endsWith("array boolean element 1 is 7, expected 0 or 1"),
        e.getMessage());
  }

  private byte[] numpyFile(String name) throws IOException {
    return Files.readAllBytes(IoFixtures.fixture("npy/" + name));
  }

  /** A .npy file with the given version-1 or -2 header text and data. */
  static byte[] npy(int version, String header, byte[] data) {
    byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(NpyReader.MAGIC);
    out.write(version);
    out.write(0);
    ByteBuffer length = ByteBuffer.allocate(version == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
    out.writeBytes(version == 1 ? length.putShort((short) h.length).array()
        : length.putInt(h.length).array());
    out.writeBytes(h);
    out.writeBytes(data);
    return out.toByteArray();
  }

  private void assertRejected(byte[] file, String fragment) throws IOException {
    Path p = IoFixtures.write(dir, "bad.npy", file);
    FormatException e = assertThrows(FormatException.class, () -> NpyReader.header(p));
    assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(fragment),
        "message\n  " + e.getMessage() + "\nlacks\n  " + fragment);
  }

  private static long[] bits(double[] values) {
    return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
  }
}
