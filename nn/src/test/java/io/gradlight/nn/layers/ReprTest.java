package io.gradlight.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReprTest {

  @Test
  void numbersPrintAsPythonsRepr() {
    assertEquals("1e-05", Repr.number(1e-5));
    assertEquals("0.0001", Repr.number(1e-4));
    assertEquals("0.1", Repr.number(0.1));
    assertEquals("1.0", Repr.number(1));
    assertEquals("0.0", Repr.number(0));
    assertEquals("-0.5", Repr.number(-0.5));
    assertEquals("123456789.0", Repr.number(123456789));
    assertEquals("1e+16", Repr.number(1e16));
    assertEquals("-2.5e-07", Repr.number(-2.5e-7));
    assertEquals("(3, 1)", Repr.tuple(new int[] {3, 1}));
  }
}
