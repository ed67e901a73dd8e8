package io.gradlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void alignsColumnsAndTrimsTrailingSpace() {
    String t = new TextTable().rightAlign(2)
        .row("name", "dtype", "bytes")
        .row("conv.weight", "F32", "432")
        .row("b", "I64", "8")
        .render();
    assertEquals("name         dtype  bytes\n"
        + "conv.weight  F32      432\n"
        + "b            I64        8\n", t);
  }

  @Test
  void emptyTableIsEmpty() {
    assertEquals("", new TextTable().render());
  }
}
