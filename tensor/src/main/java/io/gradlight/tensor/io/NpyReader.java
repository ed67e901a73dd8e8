package io.gradlight.tensor.io;

import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads NumPy {@code .npy} files (versions 1.0, 2.0 and 3.0; layout in {@link NpyHeader}).
 *
 * <p>Float arrays ({@code f2 f4 f8}, any byte order) read as a {@code Tensor}: {@code f8} as F64,
 * {@code f4} as F32, {@code f2} widened to F32. Integer and boolean arrays ({@code i1..i8},
 * {@code u1..u8}, {@code b1}) read as an {@link IntegerArray}. Fortran-ordered arrays are
 * reordered to row-major, so values come out as numpy indexes them. Object arrays ({@code |O},
 * pickles) are always rejected.
 *
 * <p>Safety: the header length is checked against {@value #MAX_HEADER_BYTES} bytes (numpy's own
 * limit for untrusted headers) and the file size before anything is allocated, and the data
 * section must hold exactly the elements the header promises: no truncation, no trailing bytes.
 */
public final class NpyReader {
  /** Largest header accepted, in bytes (numpy's {@code _MAX_HEADER_SIZE}). */
  public static final int MAX_HEADER_BYTES = 10_000;

  /** The first six bytes of every {@code .npy} file. */
  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  private NpyReader() {}

  /** Whether {@code prefix} starts with the {@code .npy} magic string. */
  public static boolean hasMagic(byte[] prefix) {
    if (prefix.length < MAGIC.length) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (prefix[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  /** The validated header of the file at {@code path}. */
  public static NpyHeader header(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      return header(path.toString(), channel);
    }
  }

  /** A float array as a Tensor ({@code f8} as F64, {@code f4} and {@code f2} as F32). */
  public static Tensor tensor(Path path) throws IOException {
    String source = path.toString();
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      NpyHeader h = header(source, channel);
      if (!h.dtype().isFloat()) {
        throw new IllegalArgumentException(source + ": dtype '" + h.dtype().descr()
            + "' is not a float type read as a Tensor; read it with integers()");
      }
      Shape shape = ElementReader.javaShape(source, "array '" + h.dtype().descr() + "'",
          h.shape());
      ElementReader reader = new ElementReader(source, channel, h.dtype().order());
      int n = shape.size();
      long at = h.dataOffset();
      boolean fortran = h.fortranOrder();
      if (h.dtype().byteSize() == 8) {
        double[] v = reader.f64(at, n);
        return Tensor.wrap(fortran ? FortranOrder.toRowMajor(v, shape) : v, shape);
      }
      float[] v = h.dtype().byteSize() == 4 ? reader.f32(at, n) : reader.f16(at, n);
      return Tensor.wrap(fortran ? FortranOrder.toRowMajor(v, shape) : v, shape);
    }
  }

  /** An integer or boolean array, widened exactly to long (booleans to 0 and 1). */
  public static IntegerArray integers(Path path) throws IOException {
    String source = path.toString();
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      NpyHeader h = header(source, channel);
      NpyDType d = h.dtype();
      if (d.isFloat()) {
        throw new IllegalArgumentException(source + ": dtype '" + d.descr()
            + "' is a float type; read it with tensor()");
      }
      Shape shape = ElementReader.javaShape(source, "array '" + d.descr() + "'", h.shape());
      ElementReader reader = new ElementReader(source, channel, d.order());
      long[] values = d.kind() == 'b'
          ? reader.booleans(h.dataOffset(), shape.size(), "array")
          : reader.integers(h.dataOffset(), shape.size(), d.byteSize(), d.kind() == 'i');
      if (h.fortranOrder()) {
        values = FortranOrder.toRowMajor(values, shape);
      }
      return new IntegerArray(d.descr(), shape, values, d.kind() == 'u' && d.byteSize() == 8);
    }
  }

  private static NpyHeader header(String source, FileChannel channel) throws IOException {
    long fileSize = channel.size();
    if (fileSize < 10) {
      throw new FormatException(source, "file is " + fileSize
          + " bytes, too short for a .npy header (at least 10)");
    }
    ByteBuffer prefix = ElementReader.readFully(source, channel,
        ByteBuffer.allocate(12).limit((int) Math.min(12, fileSize)), 0)
        .order(ByteOrder.LITTLE_ENDIAN);
    byte[] start = new byte[8];
    prefix.get(start);
    if (!hasMagic(start)) {
      throw new FormatException(source, "not a .npy file: it does not start with \\x93NUMPY");
    }
    int major = start[6] & 0xff;
    int minor = start[7] & 0xff;
    if (major < 1 || major > 3 || minor != 0) {
      throw new FormatException(source, "unsupported .npy version " + major + "." + minor
          + " (gradlight reads 1.0, 2.0 and 3.0)");
    }
    if (major > 1 && fileSize < 12) {
      throw new FormatException(source, "file is " + fileSize
          + " bytes, too short for a version " + major + ".0 header (at least 12)");
    }
    long headerLength = major == 1 ? prefix.getShort(8) & 0xffff : prefix.getInt(8) & 0xffff_ffffL;
    int prefixLength = major == 1 ? 10 : 12;
    if (headerLength > MAX_HEADER_BYTES) {
      throw new FormatException(source, "header length " + headerLength
          + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
    }
    if (headerLength > fileSize - prefixLength) {
      throw new FormatException(source, "header length " + headerLength
          + " runs past the end of the " + fileSize + "-byte file");
    }
    ByteBuffer bytes = ElementReader.readFully(source, channel,
        ByteBuffer.allocate((int) headerLength), prefixLength);
    long dataOffset = prefixLength + headerLength;
    NpyHeader h = NpyHeader.parse(source, decode(source, bytes, major), major, dataOffset);
    long needed = h.elementCount() * h.dtype().byteSize(); // overflow checked by parse
    long present = fileSize - dataOffset;
    if (present < needed) {
      throw new FormatException(source, "truncated: shape " + h.shapeString() + " of '"
          + h.dtype().descr() + "' needs " + needed + " data bytes, the file has " + present);
    }
    if (present > needed) {
      throw new FormatException(source, "trailing bytes: " + (present - needed)
          + " bytes after the " + needed + " data bytes of shape " + h.shapeString() + " of '"
          + h.dtype().descr() + "'");
    }
    return h;
  }

  /** Versions 1.0 and 2.0 store the header in latin-1, 3.0 in UTF-8. */
  private static String decode(String source, ByteBuffer bytes, int major)
      throws FormatException {
    if (major < 3) {
      return StandardCharsets.ISO_8859_1.decode(bytes).toString();
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes).toString();
    } catch (CharacterCodingException e) {
      throw new FormatException(source, "version 3.0 header is not valid UTF-8");
    }
  }
}
