package io.gradlight.cli;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.IntegerArray;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Summary statistics of one tensor for {@code inspect --stats}: the minimum, maximum and mean of
 * its finite values, and how many values are NaN and how many infinite. Integer arrays keep exact
 * integer minima and maxima (unsigned 64-bit ones too); the mean is a double sum divided by the
 * count.
 *
 * @param count number of elements
 * @param min smallest finite value, or null when there is none
 * @param max largest finite value, or null when there is none
 * @param mean mean of the finite values, NaN when there is none
 * @param nanCount number of NaN values
 * @param infCount number of +Inf and -Inf values
 */
public record TensorStats(long count, Number min, Number max, double mean, long nanCount,
    long infCount) {

  /** Statistics of a float tensor. */
  public static TensorStats of(Tensor t) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    long nan = 0;
    long inf = 0;
    float[] f = t.dtype() == DType.F32 ? t.f32() : null;
    double[] d = t.dtype() == DType.F64 ? t.f64() : null;
    for (int i = 0; i < t.size(); i++) {
      double v = f != null ? f[i] : d[i];
      if (Double.isNaN(v)) {
        nan++;
      } else if (Double.isInfinite(v)) {
        inf++;
      } else {
        min = Math.min(min, v);
        max = Math.max(max, v);
        sum += v;
      }
    }
    long finite = t.size() - nan - inf;
    return finite == 0
        ? new TensorStats(t.size(), null, null, Double.NaN, nan, inf)
        : new TensorStats(t.size(), min, max, sum / finite, nan, inf);
  }

  /** Statistics of an integer or boolean array (never NaN or infinite). */
  public static TensorStats of(IntegerArray a) {
    long[] v = a.values();
    if (v.length == 0) {
      return new TensorStats(0, null, null, Double.NaN, 0, 0);
    }
    long min = v[0];
    long max = v[0];
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      boolean less = a.unsigned64() ? Long.compareUnsigned(v[i], min) < 0 : v[i] < min;
      boolean more = a.unsigned64() ? Long.compareUnsigned(v[i], max) > 0 : v[i] > max;
      min = less ? v[i] : min;
      max = more ? v[i] : max;
      sum += a.doubleValue(i);
    }
    return new TensorStats(v.length, exact(min, a.unsigned64()), exact(max, a.unsigned64()),
        sum / v.length, 0, 0);
  }

  private static Number exact(long v, boolean unsigned) {
    return unsigned && v < 0 ? new BigInteger(Long.toUnsignedString(v)) : (Number) v;
  }

  /**
   * A number for a table: integers (and integral doubles below 1e15) in full, other doubles with
   * six significant digits, {@code -} for a missing value.
   */
  public static String format(Number n) {
    if (n == null || (n instanceof Double d && d.isNaN())) {
      return "-";
    }
    if (!(n instanceof Double d)) {
      return n.toString();
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.valueOf((long) (double) d);
    }
    String s = String.format(Locale.ROOT, "%.6g", d);
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return e < 0 ? mantissa : mantissa + s.substring(e);
  }
}
