package io.gradlight.tensor.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON (RFC 8259) parser and string quoter, enough for safetensors headers.
 *
 * <p>Values map to Java as: object to an unmodifiable {@code Map<String, Object>} in file order,
 * array to an unmodifiable {@code List<Object>}, string to {@link String}, a number written
 * without fraction or exponent to {@link BigInteger}, any other number to {@link BigDecimal},
 * {@code true}/{@code false} to {@link Boolean}, and {@code null} to {@link #NULL}.
 *
 * <p>Strict where lenient parsers are not: a duplicate key in an object is an error (Python's
 * {@code json} keeps the last value, which lets two readers see different tensors: Trail of Bits
 * TOB-SFTN-7); lone UTF-16 surrogates in <code>&#92;u</code> escapes, raw control characters in
 * strings, leading zeros, trailing commas and anything after the value other than whitespace are
 * errors.
 * Limits keep hostile input cheap: nesting deeper than {@value #MAX_DEPTH} and numbers longer
 * than {@value #MAX_NUMBER_LENGTH} characters are rejected.
 */
public final class Json {
  /** The JSON {@code null} value. */
  public static final Object NULL = new Object() {
        @Override
        public String toString() {
          return "null";
        }
      };

  /** Deepest nesting of arrays and objects accepted. */
  public static final int MAX_DEPTH = 64;

  /** Longest number literal accepted, in characters. */
  public static final int MAX_NUMBER_LENGTH = 100;

  /** Bad JSON: the message names the problem and the character position (0-based). */
  public static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxException(String message) {
      super(message);
    }
  }

  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /** Parses one JSON value; whitespace may surround it, nothing else may. */
  public static Object parse(String text) throws SyntaxException {
    Json parser = new Json(text);
    parser.skipWhitespace();
    Object value = parser.value(0);
    parser.skipWhitespace();
    if (parser.pos < text.length()) {
      throw parser.error("unexpected " + parser.describeNext() + " after the JSON value");
    }
    return value;
  }

  /**
   * A JSON string literal for {@code s}, escaped as serde_json and Python's {@code json} (with
   * {@code ensure_ascii=False}) write it: {@code \"}, {@code \\}, {@code \b \f \n \r \t}, other
   * control characters as <code>&#92;u00xx</code>; everything else verbatim.
   */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private Object value(int depth) throws SyntaxException {
    if (pos >= text.length()) {
      throw error("unexpected end of input, expected a value");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(depth + 1);
      case '[' -> array(depth + 1);
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", NULL);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected " + describeNext() + ", expected a value");
      }
    };
  }

  private Map<String, Object> object(int depth) throws SyntaxException {
    checkDepth(depth);
    pos++; // '{'
    Map<String, Object> map = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return Collections.unmodifiableMap(map);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("unexpected " + describeNext() + ", expected a string key");
      }
      int keyPos = pos;
      String key = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      Object value = value(depth);
      if (map.putIfAbsent(key, value) != null) {
        pos = keyPos;
        throw error("duplicate key " + quote(key));
      }
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == '}') {
        return Collections.unmodifiableMap(map);
      }
      if (c != ',') {
        pos--;
        throw error("unexpected " + describeNext() + ", expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) throws SyntaxException {
    checkDepth(depth);
    pos++; // '['
    List<Object> list = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return Collections.unmodifiableList(list);
    }
    while (true) {
      skipWhitespace();
      list.add(value(depth));
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == ']') {
        return Collections.unmodifiableList(list);
      }
      if (c != ',') {
        pos--;
        throw error("unexpected " + describeNext() + ", expected ',' or ']'");
      }
    }
  }

  private String string() throws SyntaxException {
    int start = pos;
    pos++; // opening quote
    StringBuilder b = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        pos = start;
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20) {
        pos--;
        throw error(String.format("raw control character U+%04X in a string", (int) c));
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = pos < text.length() ? text.charAt(pos++) : '\0';
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> b.append(unicodeEscape());
        default -> {
          pos -= 2;
          throw error("invalid escape in a string");
        }
      }
    }
  }

  /** After <code>&#92;u</code>: one code unit, or a surrogate pair written as two escapes. */
  private String unicodeEscape() throws SyntaxException {
    char first = hex4();
    if (Character.isLowSurrogate(first)) {
      throw error(String.format("lone low surrogate \\u%04x", (int) first));
    }
    if (!Character.isHighSurrogate(first)) {
      return String.valueOf(first);
    }
    if (!text.startsWith("\\u", pos)) {
      throw error(String.format("lone high surrogate \\u%04x", (int) first));
    }
    pos += 2;
    char second = hex4();
    if (!Character.isLowSurrogate(second)) {
      throw error(String.format("high surrogate \\u%04x not followed by a low one", (int) first));
    }
    return new String(new char[] {first, second});
  }

  private char hex4() throws SyntaxException {
    if (pos + 4 > text.length()) {
      throw error("truncated \\u escape");
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(text.charAt(pos + i), 16);
      if (d < 0) {
        throw error("invalid hex digit in a \\u escape");
      }
      v = v * 16 + d;
    }
    pos += 4;
    return (char) v;
  }

  /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?} */
  private Object number() throws SyntaxException {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
      if (isDigit(peek())) {
        throw error("leading zero in a number");
      }
    } else if (!digits()) {
      throw error("expected a digit");
    }
    boolean integer = true;
    if (peek() == '.') {
      integer = false;
      pos++;
      if (!digits()) {
        throw error("expected a digit after the decimal point");
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      integer = false;
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!digits()) {
        throw error("expected a digit in the exponent");
      }
    }
    if (pos - start > MAX_NUMBER_LENGTH) {
      pos = start;
      throw error("number longer than " + MAX_NUMBER_LENGTH + " characters");
    }
    String literal = text.substring(start, pos);
    return integer ? new BigInteger(literal) : new BigDecimal(literal);
  }

  private boolean digits() {
    int start = pos;
    while (isDigit(peek())) {
      pos++;
    }
    return pos > start;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private Object literal(String word, Object value) throws SyntaxException {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected " + describeNext() + ", expected a value");
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) throws SyntaxException {
    if (peek() != c) {
      throw error("unexpected " + describeNext() + ", expected '" + c + "'");
    }
    pos++;
  }

  private void checkDepth(int depth) throws SyntaxException {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH + " levels");
    }
  }

  /** The current character, or NUL at the end (NUL is never valid outside strings). */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private String describeNext() {
    if (pos >= text.length()) {
      return "end of input";
    }
    char c = text.charAt(pos);
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("character U+%04X", (int) c);
  }

  private SyntaxException error(String problem) {
    return new SyntaxException(problem + " at character " + pos);
  }
}
