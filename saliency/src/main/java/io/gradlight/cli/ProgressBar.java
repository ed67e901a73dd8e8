package io.gradlight.cli;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of long work on stderr, so stdout stays clean for results.
 *
 * <p>On a terminal the bar redraws in place ({@code \r}) at most every {@value #REDRAW_MILLIS}
 * ms: {@code training [#########-----------]  45%  450/1000  0:12 left 0:15}. When stderr is
 * a file or a pipe it prints one line per {@value #LOG_PERCENT}% instead, so logs stay short.
 * {@link #close} prints the final state and ends the line. Safe to advance from several threads.
 *
 * <pre>{@code
 * try (ProgressBar bar = ProgressBar.start("epoch 3", batches, err)) {
 *   for (...) { ...; bar.advance(1); }
 * }
 * }</pre>
 */
public final class ProgressBar implements AutoCloseable {
  static final int REDRAW_MILLIS = 100;
  static final int LOG_PERCENT = 10;
  private static final int WIDTH = 24;

  private final String label;
  private final long total;
  private final PrintStream err;
  private final boolean interactive;
  private final LongSupplier nanoTime;
  private final long startNanos;
  private long done;
  private long lastDrawNanos;
  private long lastLoggedPercent = -1;
  private boolean closed;

  ProgressBar(String label, long total, PrintStream err, boolean interactive,
      LongSupplier nanoTime) {
    if (total < 0) {
      throw new IllegalArgumentException("progress total must be >= 0, got " + total);
    }
    this.label = label;
    this.total = total;
    this.err = err;
    this.interactive = interactive;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
    this.lastDrawNanos = startNanos - REDRAW_MILLIS * 1_000_000L;
  }

  /** A bar for {@code total} steps on {@code err}, redrawn in place when it is a terminal. */
  public static ProgressBar start(String label, long total, PrintStream err) {
    Console console = System.console();
    boolean terminal = err == System.err && console != null && console.isTerminal();
    return new ProgressBar(label, total, err, terminal, System::nanoTime);
  }

  /** Records {@code steps} more steps done. */
  public synchronized void advance(long steps) {
    done = Math.min(total, done + steps);
    long now = nanoTime.getAsLong();
    if (interactive) {
      if (now - lastDrawNanos >= REDRAW_MILLIS * 1_000_000L || done == total) {
        err.print("\r" + line(now));
        err.flush();
        lastDrawNanos = now;
      }
    } else {
      long percent = total == 0 ? 100 : done * 100 / total;
      long bucket = percent / LOG_PERCENT * LOG_PERCENT;
      if (bucket > lastLoggedPercent && bucket > 0) {
        err.println(line(now));
        lastLoggedPercent = bucket;
      }
    }
  }

  /** Prints the final state (once) and ends the line. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    String last = line(nanoTime.getAsLong());
    if (interactive) {
      err.println("\r" + last);
    } else if (lastLoggedPercent < 100) {
      err.println(last);
    }
    err.flush();
  }

  /** The bar's text at time {@code now}. */
  String line(long now) {
    double fraction = total == 0 ? 1 : (double) done / total;
    int filled = (int) Math.round(fraction * WIDTH);
    double elapsed = (now - startNanos) / 1e9;
    String left = done == 0 || done == total ? ""
        : "  left " + clock(elapsed * (total - done) / done);
    return String.format(Locale.ROOT, "%s [%s%s] %3d%%  %d/%d  %s%s", label, "#".repeat(filled),
        "-".repeat(WIDTH - filled), (int) Math.floor(fraction * 100), done, total,
        clock(elapsed), left);
  }

  /** Seconds as {@code m:ss}, or {@code h:mm:ss} from an hour on. */
  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
