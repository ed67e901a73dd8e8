package io.gradlight.tensor.io;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a Tensor as a NumPy {@code .npy} file, byte for byte as {@code numpy.save} writes it
 * (numpy {@code lib/format.py}, {@code _write_array_header} and {@code _wrap_header}):
 *
 * <ul>
 *   <li>descr {@code <f4} for F32, {@code <f8} for F64; C order; little-endian data;
 *   <li>header {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}, then {@code
 *       21 - len(str(shape[0]))} spare spaces (so the first axis can grow in place; none for a 0-d
 *       array), then {@code 64 - (10 + len + 1) % 64} padding spaces (1 to 64) and a newline, so
 *       the data starts at a multiple of 64;
 *   <li>version 1.0 (2-byte header length), or 2.0 (4-byte) when the header does not fit 65535.
 * </ul>
 */
public final class NpyWriter {
  /** numpy's {@code ARRAY_ALIGN}: the data starts at a multiple of this. */
  static final int ALIGN = 64;

  /** numpy's {@code GROWTH_AXIS_MAX_DIGITS}: spare room to rewrite the first axis in place. */
  private static final int GROWTH_AXIS_MAX_DIGITS = 21;

  private NpyWriter() {}

  /** Writes {@code t} to {@code path}, replacing any file there. */
  public static void write(Path path, Tensor t) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
      write(out, t);
    }
  }

  /** Writes the file's bytes to {@code out} (not closed). */
  public static void write(OutputStream out, Tensor t) throws IOException {
    out.write(header(t.dtype(), t.shape()));
    int width = t.dtype().byteSize();
    ByteBuffer chunk = ByteBuffer.allocate(ElementReader.CHUNK_BYTES)
        .order(ByteOrder.LITTLE_ENDIAN);
    int perChunk = chunk.capacity() / width;
    for (int at = 0; at < t.size(); at += perChunk) {
      int count = Math.min(perChunk, t.size() - at);
      chunk.clear();
      if (t.dtype() == DType.F32) {
        chunk.asFloatBuffer().put(t.f32(), at, count);
      } else {
        chunk.asDoubleBuffer().put(t.f64(), at, count);
      }
      out.write(chunk.array(), 0, count * width);
    }
  }

  /** The magic, version, header length and padded header for a C-order array. */
  static byte[] header(DType dtype, Shape shape) {
    String descr = dtype == DType.F32 ? "<f4" : "<f8";
    StringBuilder dict = new StringBuilder("{'descr': '").append(descr)
        .append("', 'fortran_order': False, 'shape': ").append(pythonTuple(shape)).append(", }");
    if (shape.rank() > 0) {
      dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - String.valueOf(shape.dim(0)).length()));
    }
    byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
    int withNewline = text.length + 1;
    int version = withNewline + ALIGN - (10 + withNewline) % ALIGN <= 0xffff ? 1 : 2;
    int prefix = version == 1 ? 10 : 12;
    int pad = ALIGN - (prefix + withNewline) % ALIGN;
    int headerLength = withNewline + pad;
    ByteBuffer out = ByteBuffer.allocate(prefix + headerLength).order(ByteOrder.LITTLE_ENDIAN);
    out.put(NpyReader.MAGIC).put((byte) version).put((byte) 0);
    if (version == 1) {
      out.putShort((short) headerLength);
    } else {
      out.putInt(headerLength);
    }
    out.put(text).put(" ".repeat(pad).getBytes(StandardCharsets.ISO_8859_1)).put((byte) '\n');
    return out.array();
  }

  /** Python's {@code repr} of a tuple of ints: {@code ()}, {@code (5,)}, {@code (2, 3)}. */
  private static String pythonTuple(Shape shape) {
    int[] dims = shape.dims();
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < dims.length; i++) {
      b.append(i == 0 ? "" : ", ").append(dims[i]);
    }
    return b.append(dims.length == 1 ? ",)" : ")").toString();
  }
}
