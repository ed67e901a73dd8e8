package io.gradlight.tensor.io;

import io.gradlight.tensor.Shape;

/**
 * An integer or boolean array read from a file, kept as integers: a BatchNorm {@code
 * num_batches_tracked} counter, a class-index label array, a boolean mask. Values are widened to
 * {@code long} exactly (booleans to 0 and 1), row-major like a {@code Tensor}, never converted to
 * floating point behind the caller's back.
 *
 * <p>Unsigned 64-bit values ({@code U64}, {@code <u8}) do not all fit a {@code long}: they are
 * stored as their bit pattern and {@link #unsigned64()} is true; read them with {@link
 * Long#toUnsignedString(long)} or {@link #doubleValue(int)}.
 *
 * @param dtype the type as the file spells it ({@code I64}, {@code BOOL}, {@code <i8}, {@code |b1})
 * @param shape the array shape
 * @param values the elements, row-major; the array is shared, not copied
 * @param unsigned64 whether {@code values} hold unsigned 64-bit bit patterns
 */
public record IntegerArray(String dtype, Shape shape, long[] values, boolean unsigned64) {
  /** Checks that there is one value per element of {@code shape}. */
  public IntegerArray {
    if (values.length != shape.size()) {
      throw new IllegalArgumentException(
          dtype + " array of shape " + shape + " needs " + shape.size() + " values, got "
              + values.length);
    }
  }

  /** Element {@code i} (row-major) as a double, unsigned 64-bit values read as unsigned. */
  public double doubleValue(int i) {
    long v = values[i];
    if (unsigned64 && v < 0) {
      // 2^64 + v, exactly representable up to rounding of the 64-bit value to 53 bits.
      return (double) (v >>> 1) * 2.0 + (v & 1);
    }
    return v;
  }
}
