package io.gradlight.tensor.io;

import java.util.Arrays;

/**
 * One tensor listed in a safetensors header: its name, dtype, shape and byte range in the data
 * section (offsets relative to the end of the header). Entries come out of {@link
 * SafetensorsHeader} validated: the range is inside the file and holds exactly {@code shape}
 * elements of {@code dtype}.
 *
 * @param name the tensor name, e.g. {@code layer1.0.conv1.weight}
 * @param dtype the element type
 * @param shape axis sizes, outermost first; empty for a scalar (shared, not copied)
 * @param begin first byte in the data section
 * @param end one past the last byte in the data section
 */
public record SafetensorsEntry(
    String name, SafetensorsDType dtype, long[] shape, long begin, long end) {

  /** Number of bytes of data: {@code end - begin}. */
  public long byteSize() {
    return end - begin;
  }

  /** Number of elements: the product of the shape (1 for a scalar). */
  public long elementCount() {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** The shape like {@code [64, 3, 7, 7]}. */
  public String shapeString() {
    return Arrays.toString(shape);
  }
}
