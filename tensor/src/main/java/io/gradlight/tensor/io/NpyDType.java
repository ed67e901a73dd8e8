package io.gradlight.tensor.io;

import java.nio.ByteOrder;

/**
 * A NumPy dtype string ({@code descr}) that gradlight reads: a byte order, a kind and a size.
 *
 * <ul>
 *   <li>floats {@code f2}, {@code f4}, {@code f8}: read as a {@code Tensor} ({@code f2} widened
 *       exactly to F32);
 *   <li>signed and unsigned integers {@code i1 i2 i4 i8 u1 u2 u4 u8} and booleans {@code b1}: read
 *       as an {@link IntegerArray};
 *   <li>byte order {@code <} (little-endian, what numpy writes on x86 and ARM), {@code >}, {@code
 *       =} (native) or {@code |} (not applicable: one-byte types).
 * </ul>
 *
 * Everything else is rejected: object arrays ({@code |O}) because their data is a pickle, which
 * can run arbitrary code (CVE-2019-6446; numpy refuses them unless {@code allow_pickle=True}),
 * and complex, string, datetime and structured dtypes because a tensor cannot hold them.
 *
 * @param descr the dtype string as written, e.g. {@code <f4}
 * @param kind {@code 'f'}, {@code 'i'}, {@code 'u'} or {@code 'b'}
 * @param byteSize bytes per element
 * @param order the byte order of multi-byte elements
 */
public record NpyDType(String descr, char kind, int byteSize, ByteOrder order) {

  /** Whether elements are floats (read as a Tensor) rather than integers or booleans. */
  public boolean isFloat() {
    return kind == 'f';
  }

  /** Parses {@code descr}, naming it in the message if gradlight cannot read it. */
  public static NpyDType parse(String source, String descr) throws FormatException {
    if (descr.length() >= 2 && descr.substring(1).startsWith("O")) {
      throw new FormatException(source, "dtype '" + descr + "' is an object array, stored as a"
          + " pickle, which gradlight never loads (it can run arbitrary code)");
    }
    if (descr.length() < 3 || "<>=|".indexOf(descr.charAt(0)) < 0) {
      throw unsupported(source, descr);
    }
    char kind = descr.charAt(1);
    String size = descr.substring(2);
    boolean known = switch (kind) {
      case 'f' -> size.equals("2") || size.equals("4") || size.equals("8");
      case 'i', 'u' -> size.equals("1") || size.equals("2") || size.equals("4")
          || size.equals("8");
      case 'b' -> size.equals("1");
      default -> false;
    };
    if (!known) {
      throw unsupported(source, descr);
    }
    int byteSize = Integer.parseInt(size);
    char order = descr.charAt(0);
    if (order == '|' && byteSize > 1) {
      throw new FormatException(source, "dtype '" + descr + "' has no byte order but "
          + byteSize + "-byte elements");
    }
    ByteOrder byteOrder = switch (order) {
      case '>' -> ByteOrder.BIG_ENDIAN;
      case '=' -> ByteOrder.nativeOrder();
      default -> ByteOrder.LITTLE_ENDIAN;
    };
    return new NpyDType(descr, kind, byteSize, byteOrder);
  }

  private static FormatException unsupported(String source, String descr) {
    return new FormatException(source, "unsupported dtype '" + descr + "' (gradlight reads"
        + " floats f2/f4/f8, integers i1-i8/u1-u8 and booleans b1)");
  }
}
