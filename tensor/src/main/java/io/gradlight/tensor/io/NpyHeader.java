package io.gradlight.tensor.io;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of a NumPy {@code .npy} file: its dtype, memory order and shape.
 *
 * <p>Layout (numpy {@code lib/format.py}): the magic {@code \x93NUMPY}, a major and a minor
 * version byte, the header length HEADER_LEN (little-endian u16 for version 1.0, u32 for 2.0 and
 * 3.0), then HEADER_LEN bytes of a Python dict literal (latin-1; UTF-8 for 3.0) such as {@code
 * {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}, space-padded and ending in a
 * newline, then the raw data.
 *
 * <p>{@link #parse} accepts exactly the three keys {@code descr}, {@code fortran_order} and {@code
 * shape}, in any order, each once; string keys and values in single or double quotes; {@code
 * True}/{@code False}; the shape as a tuple of non-negative integers ({@code ()}, {@code (5,)},
 * {@code (2, 3)}). The dtype is checked by {@link NpyDType#parse}.
 *
 * @param version the major version: 1, 2 or 3
 * @param dtype the element type
 * @param fortranOrder whether the data is column-major
 * @param shape axis sizes (shared, not copied); empty for a 0-d array
 * @param dataOffset the byte offset of the data in the file
 */
public record NpyHeader(
    int version, NpyDType dtype, boolean fortranOrder, long[] shape, long dataOffset) {

  private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

  /** Number of elements: the product of the shape (1 for a 0-d array). */
  public long elementCount() {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** The shape like {@code [2, 3]}. */
  public String shapeString() {
    return Arrays.toString(shape);
  }

  /** Parses the dict literal {@code text} (the header without magic and length). */
  public static NpyHeader parse(String source, String text, int version, long dataOffset)
      throws FormatException {
    Map<String, Object> dict = new Literal(source, text).dict();
    if (!dict.keySet().equals(KEYS)) {
      throw new FormatException(source, "header keys are " + dict.keySet()
          + ", expected exactly descr, fortran_order and shape");
    }
    if (!(dict.get("descr") instanceof String descr)) {
      throw new FormatException(source, "header descr " + show(dict.get("descr"))
          + " is not a dtype string");
    }
    if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
      throw new FormatException(source, "header fortran_order "
          + show(dict.get("fortran_order")) + " is not True or False");
    }
    if (!(dict.get("shape") instanceof long[] shape)) {
      throw new FormatException(source, "header shape " + show(dict.get("shape"))
          + " is not a tuple of integers");
    }
    NpyHeader header = new NpyHeader(version, NpyDType.parse(source, descr), fortran, shape,
        dataOffset);
    try {
      Math.multiplyExact(header.elementCount(), (long) header.dtype().byteSize());
    } catch (ArithmeticException e) {
      throw new FormatException(source, "size overflow: shape " + header.shapeString() + " of "
          + descr + " has more than 2^63 - 1 bytes");
    }
    return header;
  }

  private static String show(Object value) {
    return value instanceof long[] tuple
        ? Arrays.toString(tuple).replace('[', '(').replace(']', ')')
        : value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }

  /** A strict reader of the tiny Python literal subset numpy writes. */
  private static final class Literal {
    private final String source;
    private final String text;
    private int pos;

    Literal(String source, String text) {
      this.source = source;
      this.text = text;
    }

    Map<String, Object> dict() throws FormatException {
      skipSpace();
      expect('{');
      Map<String, Object> map = new HashMap<>();
      skipSpace();
      while (peek() != '}') {
        String key = string();
        skipSpace();
        expect(':');
        skipSpace();
        Object value = value();
        if (map.put(key, value) != null) {
          throw error("duplicate key '" + key + "'");
        }
        skipSpace();
        if (peek() != '}') {
          expect(',');
          skipSpace();
        }
      }
      pos++;
      skipSpace();
      if (pos != text.length()) {
        throw error("unexpected text after the dict");
      }
      return map;
    }

    private Object value() throws FormatException {
      char c = peek();
      if (c == '\'' || c == '"') {
        return string();
      } else if (c == '(') {
        return tuple();
      } else if (text.startsWith("True", pos)) {
        pos += 4;
        return Boolean.TRUE;
      } else if (text.startsWith("False", pos)) {
        pos += 5;
        return Boolean.FALSE;
      } else if (c == '[') {
        throw error("lists (structured dtypes) are not supported");
      }
      throw error("unsupported value (expected a string, True, False or a tuple)");
    }

    /** {@code ()}, {@code (n,)}, {@code (a, b)} or {@code (a, b,)}: a 1-tuple needs its comma. */
    private long[] tuple() throws FormatException {
      pos++; // '('
      List<Long> dims = new ArrayList<>();
      boolean comma = false;
      skipSpace();
      while (peek() != ')') {
        dims.add(dimension());
        skipSpace();
        comma = peek() == ',';
        if (comma) {
          pos++;
          skipSpace();
        } else if (peek() != ')') {
          throw error("expected ',' or ')' in the shape");
        }
      }
      pos++;
      if (dims.size() == 1 && !comma) {
        throw error("shape (" + dims.get(0) + ") is an integer, not a tuple (write (n,))");
      }
      return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private long dimension() throws FormatException {
      int start = pos;
      if (peek() == '-') {
        pos++;
      }
      while (Character.isDigit(peek()) && peek() < 0x80) {
        pos++;
      }
      String digits = text.substring(start, pos);
      if (digits.isEmpty() || digits.equals("-")) {
        throw error("expected an integer in the shape");
      }
      if (digits.length() > 1 && digits.charAt(digits.charAt(0) == '-' ? 1 : 0) == '0') {
        throw error("leading zero in shape entry " + digits);
      }
      BigInteger n = new BigInteger(digits);
      if (n.signum() < 0) {
        throw error("negative shape entry " + n);
      }
      if (n.bitLength() > 63) {
        throw new FormatException(source, "size overflow: shape entry " + n
            + " exceeds 2^63 - 1");
      }
      return n.longValue();
    }

    private String string() throws FormatException {
      char quote = peek();
      if (quote != '\'' && quote != '"') {
        throw error("expected a quoted string");
      }
      int end = text.indexOf(quote, pos + 1);
      if (end < 0) {
        throw error("unterminated string");
      }
      String s = text.substring(pos + 1, end);
      if (s.indexOf('\\') >= 0 || s.indexOf('\n') >= 0) {
        throw error("escapes and newlines in header strings are not supported");
      }
      pos = end + 1;
      return s;
    }

    private void expect(char c) throws FormatException {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
      while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
    }

    private FormatException error(String problem) {
      String shown = text.strip();
      if (shown.length() > 120) {
        shown = shown.substring(0, 120) + "...";
      }
      return new FormatException(source, "bad header: " + problem + " at character " + pos
          + " of " + shown);
    }
  }
}
