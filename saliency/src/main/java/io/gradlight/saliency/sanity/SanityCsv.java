package io.gradlight.saliency.sanity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * A {@link SanityReport} as CSV, one row per method and comparison, with the columns
 *
 * <pre>
 *   method,verdict,test,step,spearman,spearman_abs,ssim,samples
 * </pre>
 *
 * {@code verdict} is the method's {@code PASS} or {@code FAIL} (repeated on each of its rows, so
 * any row can be read alone), {@code test} a {@link SanityTest#id()}, {@code step} the layer group
 * (see {@link SanityStep#step()}), the three measures are means over the {@code samples} compared
 * maps (images, times repeats for the randomisation tests; see {@link Similarity}), with six
 * decimals.
 */
public final class SanityCsv {
  /** The header line. */
  public static final String HEADER =
      "method,verdict,test,step,spearman,spearman_abs,ssim,samples";

  private SanityCsv() {}

  /** The CSV text, header included, each line ending in a newline. */
  public static String format(SanityReport report) {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (MethodSanity m : report.methods()) {
      String verdict = m.verdict().word();
      for (SanityStep s : m.steps()) {
        Similarity mean = s.mean();
        b.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%.6f,%.6f,%.6f,%d%n", m.method(), verdict,
            s.test().id(), s.step(), mean.spearman(), mean.spearmanAbs(), mean.ssim(),
            s.samples().length));
      }
    }
    return b.toString();
  }

  /** Writes {@link #format} to {@code file} (through a temporary sibling, then moved). */
  public static void write(SanityReport report, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".sanity", ".csv");
    try {
      Files.writeString(tmp, format(report));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
