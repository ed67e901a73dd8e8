package io.gradlight.tensor.io;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated header of a safetensors file: its tensors in data order and its {@code
 * __metadata__} string map.
 *
 * <p>File layout: {@code [0, 8)} the header length N as a little-endian u64; {@code [8, 8+N)} a
 * UTF-8 JSON object {@code {"__metadata__": {"k": "v"}, "name": {"dtype": "F32", "shape": [2, 3],
 * "data_offsets": [BEGIN, END]}, ...}}; then the data section, offsets relative to its start.
 *
 * <p>{@link #parse} applies every check of the reference reader ({@code SafeTensors::read_metadata}
 * and {@code Metadata::validate}) and is stricter where that is cheap: duplicate keys, unknown
 * fields, non-string metadata values, negative or non-integer sizes and offsets are errors.
 * Leading and trailing JSON whitespace is accepted, as the reference does.
 */
public final class SafetensorsHeader {
  /** Largest header accepted, in bytes (the reference {@code MAX_HEADER_SIZE}). */
  public static final long MAX_HEADER_BYTES = 100_000_000L;

  /** The reserved key of the metadata map. */
  public static final String METADATA_KEY = "__metadata__";

  private static final Set<String> ENTRY_FIELDS = Set.of("dtype", "shape", "data_offsets");

  private final List<SafetensorsEntry> entries;
  private final Map<String, String> metadata;

  private SafetensorsHeader(List<SafetensorsEntry> entries, Map<String, String> metadata) {
    this.entries = entries;
    this.metadata = metadata;
  }

  /** The tensors in the order of their data (ascending offsets). */
  public List<SafetensorsEntry> entries() {
    return entries;
  }

  /** The {@code __metadata__} map in file order; empty when the header has none. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * Parses and validates a header.
   *
   * @param source the file name for messages
   * @param headerBytes the N header bytes
   * @param dataLength the size of the data section: file size minus 8 minus N
   */
  public static SafetensorsHeader parse(String source, byte[] headerBytes, long dataLength)
      throws FormatException {
    Object root;
    try {
      root = Json.parse(decodeUtf8(source, headerBytes));
    } catch (Json.SyntaxException e) {
      throw new FormatException(source, "header is not valid JSON: " + e.getMessage());
    }
    if (!(root instanceof Map<?, ?> object)) {
      throw new FormatException(source, "header is a JSON " + kind(root) + ", expected an object");
    }
    Map<String, String> metadata = Map.of();
    List<SafetensorsEntry> entries = new ArrayList<>();
    for (Map.Entry<?, ?> e : object.entrySet()) {
      String name = (String) e.getKey();
      if (name.equals(METADATA_KEY)) {
        metadata = metadata(source, e.getValue());
      } else {
        entries.add(entry(source, name, e.getValue()));
      }
    }
    entries.sort(Comparator.comparingLong(SafetensorsEntry::begin)
        .thenComparingLong(SafetensorsEntry::end));
    checkLayout(source, entries, dataLength);
    return new SafetensorsHeader(Collections.unmodifiableList(entries), metadata);
  }

  private static String decodeUtf8(String source, byte[] bytes) throws FormatException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new FormatException(source, String.format(
          "header is not valid UTF-8: byte 0x%02x at header offset %d",
          bytes[in.position()] & 0xff, in.position()));
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  private static Map<String, String> metadata(String source, Object value)
      throws FormatException {
    if (!(value instanceof Map<?, ?> map)) {
      throw new FormatException(source, METADATA_KEY + " is a JSON " + kind(value)
          + ", expected an object of strings");
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof String s)) {
        throw new FormatException(source, METADATA_KEY + " value of key "
            + Json.quote((String) e.getKey()) + " is a JSON " + kind(e.getValue())
            + ", expected a string");
      }
      result.put((String) e.getKey(), s);
    }
    return Collections.unmodifiableMap(result);
  }

  private static SafetensorsEntry entry(String source, String name, Object value)
      throws FormatException {
    String tensor = "tensor " + Json.quote(name);
    if (!(value instanceof Map<?, ?> info)) {
      throw new FormatException(source, tensor + " is a JSON " + kind(value)
          + ", expected an object with dtype, shape and data_offsets");
    }
    for (Object field : info.keySet()) {
      if (!ENTRY_FIELDS.contains(field)) {
        throw new FormatException(source, tensor + " has unknown field "
            + Json.quote((String) field) + " (expected dtype, shape and data_offsets)");
      }
    }
    for (String field : List.of("dtype", "shape", "data_offsets")) {
      if (!info.containsKey(field)) {
        throw new FormatException(source, tensor + " has no " + field);
      }
    }
    if (!(info.get("dtype") instanceof String dtypeName)) {
      throw new FormatException(source, tensor + " dtype is a JSON " + kind(info.get("dtype"))
          + ", expected a string");
    }
    SafetensorsDType dtype = SafetensorsDType.fromName(dtypeName).orElseThrow(() ->
        new FormatException(source, tensor + " has unknown dtype " + Json.quote(dtypeName)));
    long[] shape = nonNegativeLongs(source, tensor, "shape", info.get("shape"));
    long[] offsets = nonNegativeLongs(source, tensor, "data_offsets", info.get("data_offsets"));
    if (offsets.length != 2) {
      throw new FormatException(source, tensor + " data_offsets " + Arrays.toString(offsets)
          + " must hold exactly [begin, end]");
    }
    return new SafetensorsEntry(name, dtype, shape, offsets[0], offsets[1]);
  }

  private static long[] nonNegativeLongs(String source, String tensor, String field, Object value)
      throws FormatException {
    if (!(value instanceof List<?> list)) {
      throw new FormatException(source, tensor + " " + field + " is a JSON " + kind(value)
          + ", expected an array of integers");
    }
    long[] result = new long[list.size()];
    for (int i = 0; i < result.length; i++) {
      Object v = list.get(i);
      if (!(v instanceof BigInteger n)) {
        throw new FormatException(source, tensor + " " + field + " entry " + v
            + " is not an integer (sizes and offsets are plain integer literals)");
      }
      if (n.signum() < 0) {
        throw new FormatException(source, tensor + " " + field + " entry " + n + " is negative");
      }
      if (n.bitLength() > 63) {
        throw new FormatException(source, "size overflow: " + tensor + " " + field + " entry "
            + n + " exceeds 2^63 - 1");
      }
      result[i] = n.longValue();
    }
    return result;
  }

  /** Offsets in order, without gaps or overlaps, inside the data, matching shape and dtype. */
  private static void checkLayout(String source, List<SafetensorsEntry> entries, long dataLength)
      throws FormatException {
    long expectedBegin = 0;
    String previous = null;
    for (SafetensorsEntry e : entries) {
      String tensor = "tensor " + Json.quote(e.name());
      String offsets = "data_offsets [" + e.begin() + ", " + e.end() + "]";
      if (e.end() < e.begin()) {
        throw new FormatException(source, "invalid offsets: " + tensor + " " + offsets
            + " end before they begin");
      }
      if (e.begin() < expectedBegin) {
        throw new FormatException(source, "overlapping offsets: " + tensor + " " + offsets
            + " overlap tensor " + Json.quote(previous) + " ending at " + expectedBegin);
      }
      if (e.begin() > expectedBegin) {
        throw new FormatException(source, "gap in the data: " + tensor + " " + offsets
            + " leave bytes [" + expectedBegin + ", " + e.begin() + ") unused");
      }
      if (e.end() > dataLength) {
        throw new FormatException(source, "offsets out of bounds: " + tensor + " " + offsets
            + " end past the " + dataLength + "-byte data section");
      }
      long bytes = byteSize(source, tensor, e);
      if (bytes != e.byteSize()) {
        throw new FormatException(source, "byte size mismatch: " + tensor + " " + e.dtype()
            + " " + e.shapeString() + " needs " + bytes + " bytes but " + offsets + " span "
            + e.byteSize());
      }
      expectedBegin = e.end();
      previous = e.name();
    }
    if (expectedBegin != dataLength) {
      throw new FormatException(source, "trailing bytes: " + (dataLength - expectedBegin)
          + " bytes after the last tensor's data (the data section is " + dataLength
          + " bytes, the offsets cover " + expectedBegin + ")");
    }
  }

  private static long byteSize(String source, String tensor, SafetensorsEntry e)
      throws FormatException {
    try {
      long bits = Math.multiplyExact(e.elementCount(), (long) e.dtype().bits());
      if (bits % 8 != 0) {
        throw new FormatException(source, "misaligned data: " + tensor + " " + e.dtype() + " "
            + e.shapeString() + " is " + bits + " bits, not a whole number of bytes");
      }
      return bits / 8;
    } catch (ArithmeticException overflow) {
      throw new FormatException(source, "size overflow: " + tensor + " " + e.dtype() + " "
          + e.shapeString() + " has more than 2^63 - 1 bits of data");
    }
  }

  private static String kind(Object value) {
    if (value instanceof Map<?, ?>) {
      return "object";
    } else if (value instanceof List<?>) {
      return "array";
    } else if (value instanceof String) {
      return "string";
    } else if (value instanceof Boolean) {
      return "boolean";
    } else if (value == Json.NULL) {
      return "null";
    }
    return "number";
  }
}
