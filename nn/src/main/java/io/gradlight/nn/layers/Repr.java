package io.gradlight.nn.layers;

import java.math.BigDecimal;
import java.util.Locale;

/** Values printed as Python prints them, so layer descriptions read like PyTorch's {@code repr}. */
final class Repr {
  private Repr() {}

  /** A tuple, {@code (3, 3)}. */
  static String tuple(int[] hw) {
    return "(" + hw[0] + ", " + hw[1] + ")";
  }

  /**
   * A float as Python's {@code repr}: the shortest digits that round-trip (as Java's), written
   * positionally for exponents from -4 to 15 ({@code 0.1}, {@code 0.0001}, {@code 1.0}) and
   * otherwise as {@code 1e-05}, {@code 2.5e+16}.
   */
  static String number(double v) {
    BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
    int exponent = d.precision() - d.scale() - 1;
    if (v == 0 || exponent >= -4 && exponent < 16) {
      String s = d.toPlainString();
      return s.contains(".") ? s : s + ".0";
    }
    String digits = d.unscaledValue().abs().toString().replaceAll("0+$", "");
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (v < 0 ? "-" : "")
        + mantissa
        + "e"
        + (exponent < 0 ? "-" : "+")
        + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
  }
}
