package io.gradlight.tensor.io;

import io.gradlight.tensor.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Reads runs of fixed-size elements from a file into primitive arrays, in chunks of at most
 * {@value #CHUNK_BYTES} bytes, widening exactly: F16 and BF16 to float, integers to long.
 * Callers size the output from validated headers; this class never trusts a count it read.
 */
final class ElementReader {
  /** Largest single read, in bytes. */
  static final int CHUNK_BYTES = 1 << 20;

  private final String source;
  private final FileChannel channel;
  private final ByteOrder order;

  /** Most elements in one Java array (the limit of {@link Shape}). */
  static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  ElementReader(String source, FileChannel channel, ByteOrder order) {
    this.source = source;
    this.channel = channel;
    this.order = order;
  }

  /**
   * {@code shape} as a tensor Shape, or a format error naming {@code what} when one Java array
   * cannot hold it (more than {@link #MAX_ELEMENTS} elements, or an axis over 2^31 - 1).
   */
  static Shape javaShape(String source, String what, long[] shape) throws FormatException {
    long count = 1;
    for (long d : shape) {
      count = Math.multiplyExact(count, d); // validated headers cannot overflow
    }
    String shown = Arrays.toString(shape);
    if (count > MAX_ELEMENTS) {
      throw new FormatException(source, what + " " + shown + " has " + count
          + " elements, more than a Java array holds (" + MAX_ELEMENTS + ")");
    }
    int[] dims = new int[shape.length];
    for (int i = 0; i < dims.length; i++) {
      if (shape[i] > Integer.MAX_VALUE) {
        throw new FormatException(source, what + " " + shown + " has axis " + i
            + " longer than a Java array holds");
      }
      dims[i] = (int) shape[i];
    }
    return Shape.of(dims);
  }

  double[] f64(long position, int count) throws IOException {
    double[] out = new double[count];
    read(position, count, 8, (buf, at, n) -> buf.asDoubleBuffer().get(out, at, n));
    return out;
  }

  float[] f32(long position, int count) throws IOException {
    float[] out = new float[count];
    read(position, count, 4, (buf, at, n) -> buf.asFloatBuffer().get(out, at, n));
    return out;
  }

  /** IEEE 754 binary16, widened exactly. */
  float[] f16(long position, int count) throws IOException {
    float[] out = new float[count];
    read(position, count, 2, (buf, at, n) -> {
      for (int i = 0; i < n; i++) {
        out[at + i] = Float.float16ToFloat(buf.getShort());
      }
    });
    return out;
  }

  /** bfloat16: the upper 16 bits of a binary32, so widening is a shift. */
  float[] bf16(long position, int count) throws IOException {
    float[] out = new float[count];
    read(position, count, 2, (buf, at, n) -> {
      for (int i = 0; i < n; i++) {
        out[at + i] = Float.intBitsToFloat((buf.getShort() & 0xffff) << 16);
      }
    });
    return out;
  }

  /**
   * Integers of {@code width} bytes (1, 2, 4 or 8), sign- or zero-extended to long; 8-byte
   * unsigned values keep their bit pattern.
   */
  long[] integers(long position, int count, int width, boolean signed) throws IOException {
    long[] out = new long[count];
    read(position, count, width, (buf, at, n) -> {
      for (int i = 0; i < n; i++) {
        out[at + i] = switch (width) {
          case 1 -> signed ? buf.get() : buf.get() & 0xffL;
          case 2 -> signed ? buf.getShort() : buf.getShort() & 0xffffL;
          case 4 -> signed ? buf.getInt() : buf.getInt() & 0xffff_ffffL;
          default -> buf.getLong();
        };
      }
    });
    return out;
  }

  /** One-byte booleans as 0 and 1; any other byte value is a format error. */
  long[] booleans(long position, int count, String what) throws IOException {
    long[] out = integers(position, count, 1, false);
    for (int i = 0; i < out.length; i++) {
      if (out[i] > 1) {
        throw new FormatException(source, what + " boolean element " + i + " is " + out[i]
            + ", expected 0 or 1");
      }
    }
    return out;
  }

  /** Receives {@code n} elements for output index {@code at}. */
  @FunctionalInterface
  private interface ChunkSink {
    void accept(ByteBuffer buffer, int at, int n);
  }

  private void read(long position, int count, int width, ChunkSink sink) throws IOException {
    int perChunk = CHUNK_BYTES / width;
    ByteBuffer buffer = ByteBuffer.allocate(Math.min(count, perChunk) * width).order(order);
    for (int at = 0; at < count; at += perChunk) {
      int n = Math.min(perChunk, count - at);
      buffer.clear().limit(n * width);
      readFully(source, channel, buffer, position + (long) at * width);
      sink.accept(buffer, at, n);
    }
  }

  /** Fills {@code buffer} from file {@code position} on, then flips it for reading. */
  static ByteBuffer readFully(String source, FileChannel channel, ByteBuffer buffer,
      long position) throws IOException {
    long p = position;
    while (buffer.hasRemaining()) {
      int got = channel.read(buffer, p);
      if (got < 0) {
        throw new FormatException(source, "file ends at byte " + p
            + ", before the data its header promises (was it truncated while being read?)");
      }
      p += got;
    }
    return buffer.flip();
  }
}
