package io.gradlight.tensor.io;

import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An open safetensors file: the validated header at once, tensor values on demand.
 *
 * <pre>{@code
 * try (SafetensorsFile f = SafetensorsFile.open(path)) {
 *   Tensor w = f.tensor("conv1.weight");            // F32/F64 as is, F16/BF16 widened to F32
 *   IntegerArray n = f.integers("bn1.num_batches_tracked"); // I64 stays integer
 * }
 * }</pre>
 *
 * <p>Safety: {@link #open} reads the 8-byte length, checks it against {@value
 * SafetensorsHeader#MAX_HEADER_BYTES} and the file size before allocating the header, and
 * validates every entry against the file size (see {@link SafetensorsHeader}). A tensor is read
 * by positional reads in chunks of at most 1 MiB into an array sized from a validated entry, so
 * no allocation ever follows an unchecked number in the file. Bad files throw
 * {@link FormatException}; asking for a tensor that is not there, or with the wrong method for its
 * dtype, throws {@link IllegalArgumentException}. Reads are safe from several threads.
 */
public final class SafetensorsFile implements Closeable {
  private final String source;
  private final FileChannel channel;
  private final long dataStart;
  private final SafetensorsHeader header;
  private final ElementReader reader;
  private final Map<String, SafetensorsEntry> byName = new LinkedHashMap<>();

  private SafetensorsFile(String source, FileChannel channel, long dataStart,
      SafetensorsHeader header) {
    this.source = source;
    this.channel = channel;
    this.dataStart = dataStart;
    this.header = header;
    this.reader = new ElementReader(source, channel, ByteOrder.LITTLE_ENDIAN);
    for (SafetensorsEntry e : header.entries()) {
      byName.put(e.name(), e);
    }
  }

  /** Opens {@code path} and validates its header; the file stays open until {@link #close}. */
  public static SafetensorsFile open(Path path) throws IOException {
    String source = path.toString();
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    try {
      long fileSize = channel.size();
      if (fileSize < 8) {
        throw new FormatException(source, "file is " + fileSize
            + " bytes, shorter than the 8-byte header length");
      }
      long n = ElementReader.readFully(source, channel, ByteBuffer.allocate(8), 0)
          .order(ByteOrder.LITTLE_ENDIAN).getLong();
      if (n < 0 || n > SafetensorsHeader.MAX_HEADER_BYTES) {
        throw new FormatException(source, "header length " + Long.toUnsignedString(n)
            + " exceeds the limit of " + SafetensorsHeader.MAX_HEADER_BYTES + " bytes");
      }
      if (n > fileSize - 8) {
        throw new FormatException(source, "header length " + n + " runs past the end of the "
            + fileSize + "-byte file");
      }
      byte[] headerBytes = new byte[(int) n];
      ElementReader.readFully(source, channel, ByteBuffer.wrap(headerBytes), 8);
      SafetensorsHeader header = SafetensorsHeader.parse(source, headerBytes, fileSize - 8 - n);
      return new SafetensorsFile(source, channel, 8 + n, header);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The file name as given to {@link #open}. */
  public String source() {
    return source;
  }

  /** The tensors in data order. */
  public List<SafetensorsEntry> entries() {
    return header.entries();
  }

  /** The {@code __metadata__} map; empty when there is none. */
  public Map<String, String> metadata() {
    return header.metadata();
  }

  /** The entry named {@code name}; IllegalArgumentException when there is none. */
  public SafetensorsEntry entry(String name) {
    SafetensorsEntry e = byName.get(name);
    if (e == null) {
      throw new IllegalArgumentException(source + ": no tensor " + Json.quote(name)
          + " (the file has " + byName.size() + " tensors)");
    }
    return e;
  }

  /**
   * A floating-point tensor: F32 and F64 as they are, F16 and BF16 widened exactly to F32.
   * Other dtypes: IllegalArgumentException (read integers and booleans with {@link #integers}).
   */
  public Tensor tensor(String name) throws IOException {
    SafetensorsEntry e = entry(name);
    if (e.dtype().kind() != SafetensorsDType.Kind.FLOAT) {
      throw new IllegalArgumentException(source + ": tensor " + Json.quote(name) + " has dtype "
          + e.dtype() + ", not a float type read as a Tensor"
          + (e.dtype().kind() == SafetensorsDType.Kind.LISTED_ONLY
              ? " (its values cannot be read)" : "; read it with integers()"));
    }
    Shape shape = javaShape(e);
    long at = dataStart + e.begin();
    return switch (e.dtype()) {
      case F64 -> Tensor.wrap(reader.f64(at, shape.size()), shape);
      case F32 -> Tensor.wrap(reader.f32(at, shape.size()), shape);
      case F16 -> Tensor.wrap(reader.f16(at, shape.size()), shape);
      default -> Tensor.wrap(reader.bf16(at, shape.size()), shape);
    };
  }

  /**
   * An integer or boolean tensor (BOOL, U8 .. U64, I8 .. I64) widened exactly to {@code long};
   * BOOL bytes other than 0 and 1 are a format error. Other dtypes: IllegalArgumentException.
   */
  public IntegerArray integers(String name) throws IOException {
    SafetensorsEntry e = entry(name);
    SafetensorsDType d = e.dtype();
    if (d.kind() != SafetensorsDType.Kind.INTEGER && d.kind() != SafetensorsDType.Kind.BOOL) {
      throw new IllegalArgumentException(source + ": tensor " + Json.quote(name) + " has dtype "
          + d + ", not an integer or boolean type; read it with tensor()");
    }
    Shape shape = javaShape(e);
    long at = dataStart + e.begin();
    long[] values = d == SafetensorsDType.BOOL
        ? reader.booleans(at, shape.size(), "tensor " + Json.quote(name))
        : reader.integers(at, shape.size(), d.bits() / 8, d.isSignedInteger());
    return new IntegerArray(d.name(), shape, values, d == SafetensorsDType.U64);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private Shape javaShape(SafetensorsEntry e) throws FormatException {
    return ElementReader.javaShape(source, "tensor " + Json.quote(e.name()) + " " + e.dtype(),
        e.shape());
  }
}
