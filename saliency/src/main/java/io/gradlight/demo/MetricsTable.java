package io.gradlight.demo;

import io.gradlight.nn.Module;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.metrics.CentreBaseline;
import io.gradlight.saliency.metrics.Evaluation;
import io.gradlight.saliency.metrics.EvaluationSet;
import io.gradlight.saliency.metrics.MethodScores;
import io.gradlight.saliency.metrics.Metric;
import io.gradlight.saliency.metrics.PointingGame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The faithfulness and localisation metrics ({@link Evaluation}) of the methods section's maps, and
 * the centre baseline, as the demo's score table.
 */
final class MetricsTable {
  private MetricsTable() {}

  /** The evaluation the demo runs: {@code pixelsPerStep}, the pointing tolerance scaled. */
  static Evaluation evaluation(EvaluationSet set, int pixelsPerStep) {
    return new Evaluation(
        new Evaluation.Options(
            pixelsPerStep,
            PointingGame.scaled(set.height(), set.width()),
            Evaluation.DEFAULT_BATCH_SIZE,
            Evaluation.DEFAULT_EXPLAIN_BATCH_SIZE));
  }

  /**
   * The progress units of scoring {@code maps} maps already made, and the baseline (see {@link
   * Evaluation#work}).
   */
  static long work(Evaluation evaluation, EvaluationSet set, int maps) {
    return evaluation.scoringWork(set) * maps + evaluation.work(set);
  }

  /**
   * Scores each map, then the centre baseline, as explanations of {@code classes} (the classes
   * every method was asked to explain).
   */
  static List<MethodScores> score(
      Module model,
      EvaluationSet set,
      Evaluation evaluation,
      List<SaliencyMap> maps,
      int[] classes,
      Progress.Task task) {
    List<MethodScores> out = new ArrayList<>();
    for (SaliencyMap map : maps) {
      out.add(evaluation.score(model, set, map, classes, task::advance));
    }
    out.add(evaluation.evaluateCentreBaseline(model, set, classes, task::advance));
    return out;
  }

  /** The table header: method, then every metric. */
  static List<String> header() {
    List<String> h = new ArrayList<>(List.of("method"));
    for (Metric m : Metric.values()) {
      h.add(m.label() + (m.higherIsBetter() ? " \u2191" : " \u2193"));
    }
    return h;
  }

  /** One row per scored method, the baseline last. */
  static List<List<String>> rows(List<MethodScores> scores) {
    List<List<String>> rows = new ArrayList<>();
    for (MethodScores s : scores) {
      List<String> row = new ArrayList<>(List.of(s.method()));
      for (Metric m : Metric.values()) {
        row.add(format(m, s.value(m)));
      }
      rows.add(row);
    }
    return rows;
  }

  /** A metric's value as the tables show it: areas to 3 decimals, percentages to 1. */
  static String format(Metric m, double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    boolean area = m == Metric.DELETION || m == Metric.INSERTION;
    return String.format(Locale.ROOT, area ? "%.3f" : "%.1f", v);
  }

  /** The section: the score table and what the columns mean. */
  static Section section(List<MethodScores> scores, EvaluationSet set, Evaluation evaluation) {
    double tolerance = evaluation.options().pointingGame().tolerance();
    return new Section(
        "metrics",
        "Faithfulness and localisation",
        "Deletion and insertion (Petsiuk et al. 2018) remove or reveal pixels in the order a map"
            + " ranks them and track the class probability: a faithful map makes it fall fast"
            + " (low deletion area) and rise fast (high insertion area). The pointing game,"
            + " energy pointing and relevance mass ask whether the map falls on the shape, whose"
            + " mask the Shapes generator knows.",
        List.of(
            new Block.Table(
                String.format(
                    Locale.ROOT,
                    "Scores on the %d images above (arrows: the better direction); %s pixels per"
                        + " deletion/insertion step, pointing tolerance %.1f px (15 px at 224"
                        + " scaled to %d px); the %s is a cone peaking at the image centre,"
                        + " whatever the image",
                    set.count(),
                    evaluation.options().pixelsPerStep(),
                    tolerance,
                    set.width(),
                    CentreBaseline.NAME),
                header(),
                rows(scores))));
  }
}
