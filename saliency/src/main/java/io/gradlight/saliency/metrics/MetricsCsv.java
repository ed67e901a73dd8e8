package io.gradlight.saliency.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@link MethodScores} as CSV lines (RFC 4180, a header first, numbers with six decimals in the
 * units of {@link Metric}, an empty cell where a metric does not apply), for {@code gradlight
 * evaluate} and the demo.
 */
public final class MetricsCsv {
  private MetricsCsv() {}

  /**
   * One row per method: {@code method,layer,images}, one column per {@link Metric}, then {@code
   * pixels_per_step,tolerance_px,seconds}.
   */
  public static List<String> summary(List<MethodScores> results) {
    List<String> head = new ArrayList<>(List.of("method", "layer", "images"));
    Arrays.stream(Metric.values()).map(Metric::column).forEach(head::add);
    head.addAll(List.of("pixels_per_step", "tolerance_px", "seconds"));
    List<String> lines = new ArrayList<>(List.of(String.join(",", head)));
    for (MethodScores s : results) {
      List<String> row = new ArrayList<>(List.of(text(s.method()),
          s.layer() == null ? "" : text(s.layer()), String.valueOf(s.count())));
      Arrays.stream(Metric.values()).map(m -> number(s.value(m))).forEach(row::add);
      row.add(String.valueOf(s.deletion().pixelsPerStep()));
      row.add(number(s.tolerance()));
      row.add(number(s.seconds()));
      lines.add(String.join(",", row));
    }
    return lines;
  }

  /** One row per method and image: {@code method,image,class}, then one column per metric. */
  public static List<String> perImage(List<MethodScores> results, List<String> imageNames) {
    List<String> head = new ArrayList<>(List.of("method", "image", "class"));
    Arrays.stream(Metric.values()).map(Metric::column).forEach(head::add);
    List<String> lines = new ArrayList<>(List.of(String.join(",", head)));
    for (MethodScores s : results) {
      if (s.count() != imageNames.size()) {
        throw new IllegalArgumentException(s.method() + " scored " + s.count() + " images but "
            + imageNames.size() + " names were given");
      }
      int[] classes = s.classes();
      double[][] values = Arrays.stream(Metric.values()).map(s::perImage)
          .toArray(double[][]::new);
      for (int i = 0; i < s.count(); i++) {
        List<String> row = new ArrayList<>(List.of(text(s.method()), text(imageNames.get(i)),
            String.valueOf(classes[i])));
        for (double[] v : values) {
          row.add(number(v[i]));
        }
        lines.add(String.join(",", row));
      }
    }
    return lines;
  }

  /**
   * The mean deletion and insertion curves, {@code method,curve,fraction,probability}: one row
   * per point, {@code fraction} the share of pixels changed.
   */
  public static List<String> curves(List<MethodScores> results) {
    List<String> lines = new ArrayList<>(List.of("method,curve,fraction,probability"));
    for (MethodScores s : results) {
      for (CausalCurves c : List.of(s.deletion(), s.insertion())) {
        double[] mean = c.meanCurve();
        for (int step = 0; step < mean.length; step++) {
          lines.add(String.join(",", text(s.method()), c.mode().name().toLowerCase(Locale.ROOT),
              number((double) step / c.steps()), number(mean[step])));
        }
      }
    }
    return lines;
  }

  /** A text cell, quoted when it holds a comma, a quote or a line break. */
  static String text(String s) {
    return s.matches("[^,\"\r\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
  }

  /** Six decimals, or an empty cell for NaN (a metric that does not apply). */
  static String number(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
  }
}
