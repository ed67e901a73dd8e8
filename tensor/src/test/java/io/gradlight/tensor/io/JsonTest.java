package io.gradlight.tensor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void parsesEveryKindOfValue() throws Json.SyntaxException {
    Object v = Json.parse(" {\"a\": [1, -2.5e3, true, false, null, \"x\\u00e9\\n\\ud83d\\ude00\"],"
        + " \"b\": {}} \r\n\t");
    Map<?, ?> map = (Map<?, ?>) v;
    List<?> a = (List<?>) map.get("a");
    assertEquals(BigInteger.ONE, a.get(0));
    assertEquals(new BigDecimal("-2.5e3"), a.get(1));
    assertEquals(Boolean.TRUE, a.get(2));
    assertEquals(Boolean.FALSE, a.get(3));
    assertSame(Json.NULL, a.get(4));
    assertEquals("x\u00e9\n\uD83D\uDE00", a.get(5));
    assertEquals(Map.of(), map.get("b"));
  }

  @Test
  void keepsKeysInFileOrder() throws Json.SyntaxException {
    Map<?, ?> map = (Map<?, ?>) Json.parse("{\"z\":1,\"a\":2,\"m\":3}");
    assertEquals(List.of("z", "a", "m"), List.copyOf(map.keySet()));
  }

  @Test
  void integersStayExactBeyondLong() throws Json.SyntaxException {
    assertEquals(new BigInteger("18446744073709551615"),
        Json.parse("18446744073709551615"));
  }

  @Test
  void rejectsMalformedInputWithThePosition() {
    assertError("{\"a\":1,\"a\":2}", "duplicate key \"a\" at character 7");
    assertError("{\"a\":1,}", "expected a string key at character 7");
    assertError("[1,]", "unexpected ']', expected a value at character 3");
    assertError("[1 2]", "expected ',' or ']' at character 3");
    assertError("01", "leading zero in a number at character 1");
    assertError("1.", "expected a digit after the decimal point");
    assertError("-", "expected a digit");
    assertError("\"abc", "unterminated string at character 0");
    assertError("\"a\u0001\"", "raw control character U+0001 in a string at character 2");
    assertError("\"\\x\"", "invalid escape in a string at character 1");
    assertError("\"\\ud83d\"", "lone high surrogate \\ud83d");
    assertError("\"\\ude00\"", "lone low surrogate \\ude00");
    assertError("\"\\u12zz\"", "invalid hex digit in a \\u escape at character 3");
    assertError("\"\\u12", "truncated \\u escape at character 3");
    assertError("tru", "unexpected 't', expected a value");
    assertError("{} x", "unexpected 'x' after the JSON value at character 3");
    assertError("", "unexpected end of input, expected a value at character 0");
    assertError("\u0000{}", "unexpected character U+0000, expected a value");
  }

  @Test
  void limitsNestingAndNumberLength() {
    assertError("[".repeat(Json.MAX_DEPTH + 1), "nesting deeper than 64 levels");
    assertError("1".repeat(Json.MAX_NUMBER_LENGTH + 1), "number longer than 100 characters");
  }

  @Test
  void deepButAllowedNestingParses() throws Json.SyntaxException {
    String text = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
    assertTrue(Json.parse(text) instanceof List<?>);
  }

  @Test
  void quotesAsSerdeAndPythonDo() throws Json.SyntaxException {
    String s = "a\"b\\c/\b\f\n\r\t\u0001\u007f\u00e9";
    assertEquals("\"a\\\"b\\\\c/\\b\\f\\n\\r\\t\\u0001\u007f\u00e9\"", Json.quote(s));
    assertEquals(s, Json.parse(Json.quote(s)));
  }

  private static void assertError(String text, String fragment) {
    var e = assertThrows(Json.SyntaxException.class, () -> Json.parse(text));
    assertTrue(e.getMessage().contains(fragment),
        "message\n  " + e.getMessage() + "\nlacks\n  " + fragment);
  }
}
