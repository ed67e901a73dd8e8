package io.gradlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.IntegerArray;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TensorStatsTest {
  @Test
  void summarisesFiniteValuesAndCountsTheRest() {
    TensorStats s = TensorStats.of(Tensor.of(new float[] {1, -3, Float.NaN,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 8}, 6));
    assertEquals(6, s.count());
    assertEquals(-3.0, s.min());
    assertEquals(8.0, s.max());
    assertEquals(2.0, s.mean());
    assertEquals(1, s.nanCount());
    assertEquals(2, s.infCount());
  }

  @Test
  void noFiniteValuesGiveDashes() {
    TensorStats s = TensorStats.of(Tensor.of(new double[] {Double.NaN}, 1));
    assertNull(s.min());
    assertEquals("-", TensorStats.format(s.min()));
    assertEquals("-", TensorStats.format(s.mean()));
    assertNull(TensorStats.of(Tensor.of(new float[0], 0)).max());
  }

  @Test
  void integerExtremesStayExact() {
    long big = (1L << 62) + 1; // not representable as a double
    TensorStats s = TensorStats.of(new IntegerArray("I64", Shape.of(3),
        new long[] {big, -5, 0}, false));
    assertEquals(Long.valueOf(big), s.max());
    assertEquals(-5L, s.min());
    TensorStats u = TensorStats.of(new IntegerArray("U64", Shape.of(2), new long[] {-1, 3}, true));
    assertEquals(new BigInteger("18446744073709551615"), u.max());
    assertEquals(3L, u.min());
  }

  @Test
  void formatsNumbersForATable() {
    assertEquals("1234567890123", TensorStats.format(1234567890123.0));
    assertEquals("-2", TensorStats.format(-2.0));
    assertEquals("0.767957", TensorStats.format(0.76795744895));
    assertEquals("1.5e-05", TensorStats.format(1.5e-5));
    assertEquals("3.40282e+38", TensorStats.format(3.4028234663852886e38));
    assertEquals("42", TensorStats.format(42L));
  }
}
