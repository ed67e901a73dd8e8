package io.gradlight.saliency.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsCsvTest {
  /** Two images, the second with an empty mask (NaN localisation). */
  private static MethodScores scores(String method) {
    double[][] curves = {{1, 0.5, 0}, {0.5, 0.5, 0.5}};
    CausalCurves deletion = new CausalCurves(CausalMetric.Mode.DELETION, 8, curves,
        new double[] {0.5, 0.5});
    CausalCurves insertion = new CausalCurves(CausalMetric.Mode.INSERTION, 8, curves,
        new double[] {0.5, 0.5});
    return new MethodScores(method, null, new int[] {0, 1}, deletion, insertion,
        new ConfidenceChange.Result(new double[] {0.5, 0.5}, new double[] {0.25, 0.5}), 15,
        new double[] {1, Double.NaN}, new double[] {0.75, Double.NaN},
        new double[] {0.5, Double.NaN}, 2);
  }

  @Test
  void summaryHasOneRowPerMethodInMetricUnits() {
    List<String> lines = MetricsCsv.summary(List.of(scores("gradcam"), scores("a,b")));
    assertEquals("method,layer,images,deletion_auc,insertion_auc,average_drop,"
        + "increase_in_confidence,pointing_game,energy_pointing,relevance_mass,pixels_per_step,"
        + "tolerance_px,seconds", lines.get(0));
    assertEquals("gradcam,,2,0.500000,0.500000,25.000000,0.000000,100.000000,75.000000,"
        + "50.000000,8,15.000000,2.000000", lines.get(1));
    assertEquals("\"a,b\"", lines.get(2).substring(0, 5));
  }

  @Test
  void perImageLeavesMetricsThatDoNotApplyEmpty() {
    List<String> lines = MetricsCsv.perImage(List.of(scores("m")), List.of("x.png", "y.png"));
    assertEquals(3, lines.size());
    assertEquals("m,y.png,1,0.500000,0.500000,0.000000,0.000000,,,", lines.get(2));
    assertThrows(IllegalArgumentException.class,
        () -> MetricsCsv.perImage(List.of(scores("m")), List.of("x.png")));
  }

  @Test
  void curvesAreTheMeanCurvesOverImages() {
    List<String> lines = MetricsCsv.curves(List.of(scores("m")));
    assertEquals(1 + 2 * 3, lines.size());
    assertEquals("m,deletion,0.000000,0.750000", lines.get(1));
    assertEquals("m,deletion,0.500000,0.500000", lines.get(2));
    assertEquals("m,insertion,1.000000,0.250000", lines.get(6));
  }

  @Test
  void quotesTextWithCommasAndQuotes() {
    assertEquals("plain", MetricsCsv.text("plain"));
    assertEquals("\"say \"\"hi\"\", then\"", MetricsCsv.text("say \"hi\", then"));
  }
}
