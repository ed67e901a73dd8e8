package io.gradlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong clock = new AtomicLong();

  @Test
  void drawsElapsedAndRemainingTime() {
    ProgressBar bar = new ProgressBar("train", 100, err, true, clock::get);
    clock.set(10_000_000_000L);
    bar.advance(25);
    assertEquals("\rtrain [######------------------]  25%  25/100  0:10  left 0:30", text());
  }

  @Test
  void terminalRedrawsAreRateLimited() {
    ProgressBar bar = new ProgressBar("x", 1000, err, true, clock::get);
    for (int i = 0; i < 999; i++) {
      bar.advance(1); // all at time 0: only the first draws
    }
    assertEquals(1, text().chars().filter(c -> c == '\r').count());
    clock.set(ProgressBar.REDRAW_MILLIS * 1_000_000L);
    bar.advance(0);
    assertEquals(2, text().chars().filter(c -> c == '\r').count());
    bar.close();
    assertEquals('\n', text().charAt(text().length() - 1));
  }

  @Test
  void logsOneLinePerTenPercentWhenNotATerminal() {
    try (ProgressBar bar = new ProgressBar("eval", 50, err, false, clock::get)) {
      for (int i = 0; i < 50; i++) {
        bar.advance(1);
      }
    }
    String[] lines = text().split("\n");
    assertEquals(10, lines.length, text());
    assertEquals("eval [########################] 100%  50/50  0:00", lines[9]);
  }

  @Test
  void closingTwiceAndOvershootingAreHarmless() {
    ProgressBar bar = new ProgressBar("x", 2, err, false, clock::get);
    bar.advance(5);
    bar.close();
    bar.close();
    assertEquals("x [########################] 100%  2/2  0:00\n", text());
  }

  @Test
  void clockFormat() {
    assertEquals("0:05", ProgressBar.clock(4.6));
    assertEquals("2:03", ProgressBar.clock(123));
    assertEquals("1:00:01", ProgressBar.clock(3601));
    assertThrows(IllegalArgumentException.class,
        () -> new ProgressBar("x", -1, err, false, clock::get));
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
