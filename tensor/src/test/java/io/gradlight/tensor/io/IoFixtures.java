package io.gradlight.tensor.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The committed interop fixtures (written by numpy and {@code scripts/make_io_fixtures.py}) and
 * helpers to craft files byte by byte.
 */
final class IoFixtures {
  private IoFixtures() {}

  /** A file under {@code src/test/resources/fixtures/io/}. */
  static Path fixture(String relative) {
    try {
      return Path.of(IoFixtures.class.getResource("/fixtures/io/" + relative).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing fixture " + relative, e);
    }
  }

  /** {@code expected.json}: what the script says each fixture holds. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> expected() throws IOException, Json.SyntaxException {
    return (Map<String, Object>) Json.parse(Files.readString(fixture("expected.json")));
  }

  /** The {@code section} entry for {@code name} of {@code expected.json}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> expected(String section, String name)
      throws IOException, Json.SyntaxException {
    return (Map<String, Object>) ((Map<String, Object>) expected().get(section)).get(name);
  }

  /** The expected shape as ints. */
  static int[] shape(Map<String, Object> entry) {
    return ((List<?>) entry.get("shape")).stream()
        .mapToInt(v -> ((BigInteger) v).intValueExact()).toArray();
  }

  /** Expected values as doubles; "nan", "inf", "-inf" and "-0.0" are written as strings. */
  static double[] doubles(Map<String, Object> entry) {
    return ((List<?>) entry.get("values")).stream().mapToDouble(IoFixtures::toDouble).toArray();
  }

  /** Expected values as exact longs. */
  static long[] longs(Map<String, Object> entry) {
    return ((List<?>) entry.get("values")).stream()
        .mapToLong(v -> ((BigInteger) v).longValueExact()).toArray();
  }

  private static double toDouble(Object v) {
    if (v instanceof String s) {
      return switch (s) {
        case "nan" -> Double.NaN;
        case "inf" -> Double.POSITIVE_INFINITY;
        case "-inf" -> Double.NEGATIVE_INFINITY;
        default -> Double.parseDouble(s);
      };
    }
    // The script writes Python's shortest repr, which parses back to the same double.
    return v instanceof BigInteger i ? i.doubleValue() : Double.parseDouble(((BigDecimal) v)
        .toString());
  }

  /** A safetensors file: the 8-byte little-endian {@code headerLength}, the header, the data. */
  static byte[] safetensors(long headerLength, String header, byte[] data) {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
        .putLong(headerLength).put(h).put(data).array();
  }

  /** A well-formed safetensors file with the true header length and {@code dataBytes} zeros. */
  static byte[] safetensors(String header, int dataBytes) {
    return safetensors(header.getBytes(StandardCharsets.UTF_8).length, header,
        new byte[dataBytes]);
  }

  /** Writes {@code bytes} to {@code name} in {@code dir}. */
  static Path write(Path dir, String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }
}
