package io.gradlight.tensor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The strict reader of numpy's header dict literal. */
class NpyHeaderTest {
  @Test
  void acceptsNumpysLayoutAndItsVariations() throws FormatException {
    NpyHeader h = parse("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }    \n");
    assertEquals("<f4", h.dtype().descr());
    assertArrayEquals(new long[] {2, 3}, h.shape());
    // Keys in any order, double quotes, no trailing comma, 1-tuples and 0-d.
    NpyHeader g = parse("{\"shape\": (7,), \"fortran_order\": True, \"descr\": \">f8\"}");
    assertArrayEquals(new long[] {7}, g.shape());
    assertTrue(g.fortranOrder());
    assertArrayEquals(new long[0], parse("{'descr':'<f8','fortran_order':False,'shape':()}")
        .shape());
    assertEquals(1, parse("{'descr':'<f8','fortran_order':False,'shape':()}").elementCount());
  }

  @Test
  void rejectsWhatNumpyWouldNotWrite() {
    assertError("{'descr': '<f4', 'fortran_order': False}",
        "header keys are [descr, fortran_order], expected exactly descr, fortran_order and shape");
    assertError("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': True}",
        "expected exactly descr");
    assertError("{'descr': '<f4', 'descr': '<f8', 'fortran_order': False, 'shape': ()}",
        "duplicate key 'descr'");
    assertError("{'descr': '<f4', 'fortran_order': False, 'shape': (3)}",
        "shape (3) is an integer, not a tuple");
    assertError("{'descr': '<f4', 'fortran_order': False, 'shape': [3]}",
        "lists (structured dtypes) are not supported");
    assertError("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,)}",
        "negative shape entry -1");
    assertError("{'descr': '<f4', 'fortran_order': 0, 'shape': (1,)}", "unsupported value");
    assertError("{'descr': '<f4', 'fortran_order': 'no', 'shape': (1,)}",
        "header fortran_order 'no' is not True or False");
    assertError("{'descr': (1,), 'fortran_order': False, 'shape': (1,)}",
        "header descr (1) is not a dtype string");
    assertError("{'descr': '<f4', 'fortran_order': False, 'shape': (1,)} x",
        "unexpected text after the dict");
    assertError("{'descr': '<f4', 'fortran_order': False, 'shape': (1 2)}",
        "expected ',' or ')' in the shape");
    assertError("{'descr': '|O', 'fortran_order': False, 'shape': (1,)}", "pickle");
  }

  private static NpyHeader parse(String text) throws FormatException {
    return NpyHeader.parse("h.npy", text, 1, 64);
  }

  private static void assertError(String text, String fragment) {
    var e = assertThrows(FormatException.class, () -> parse(text));
    assertTrue(e.getMessage().startsWith("h.npy: "), e.getMessage());
    assertTrue(e.getMessage().contains(fragment),
        "message\n  " + e.getMessage() + "\nlacks\n  " + fragment);
  }
}
