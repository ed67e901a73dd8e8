package io.gradlight.saliency.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  private static final int SIZE = 16;
  private static final int COUNT = 7;
  private final RegionModel model = new RegionModel(SIZE, 1, 4);
  private final EvaluationSet set = new EvaluationSet(model.images(COUNT, 5), regionMasks(COUNT),
      new int[COUNT], Collections.nCopies(COUNT, "x"));
  private final Evaluation evaluation =
      new Evaluation(new Evaluation.Options(SIZE, new PointingGame(3), 50, 3));

  /** A method that knows the answer: the model's region, ramped so the ranking is strict. */
  private final class Oracle implements SaliencyMethod {
    final List<int[]> batches = new ArrayList<>();

    @Override
    public String id() {
      return "oracle";
    }

    @Override
    public String paper() {
      return "this test";
    }

    @Override
    public boolean usesLayer() {
      return false;
    }

    @Override
    public SaliencyMap explain(ExplainRequest request) {
      int n = request.batchSize();
      int[] classes = request.targets().resolve(Tensor.zeros(DType.F32, n, 2));
      batches.add(classes);
      double[] m = new double[n * SIZE * SIZE];
      for (int i = 0; i < n; i++) {
        for (int p = 0; p < SIZE * SIZE; p++) {
          m[i * SIZE * SIZE + p] = model.inRegion(p / SIZE, p % SIZE) ? 1 - p / 1000.0 : 0;
        }
      }
      Tensor display = Tensor.of(m, n, SIZE, SIZE);
      return new SaliencyMap(id(), display.sub(0.5), display, classes, null, Map.of());
    }
  }

  @Test
  void theOracleBeatsTheCentreBaselineOnEveryMetric() {
    int[] classes = evaluation.explainedClasses(model, set);
    MethodScores oracle =
        evaluation.evaluate(model, set, classes, new Oracle(), null, 0, n -> {});
    MethodScores centre = evaluation.evaluateCentreBaseline(model, set, classes, n -> {});
    assertEquals(100, oracle.value(Metric.POINTING_GAME), 1e-12);
    assertEquals(100, oracle.value(Metric.ENERGY_POINTING), 1e-12);
    assertEquals(100, oracle.value(Metric.RELEVANCE_MASS), 1e-12);
    assertEquals(0, centre.value(Metric.POINTING_GAME)); // the centre is 4.2 px from the region
    for (Metric m : Metric.values()) {
      if (m == Metric.INCREASE_IN_CONFIDENCE) {
        continue; // neither map raises the probability: both 0
      }
      double better = m.higherIsBetter() ? oracle.value(m) - centre.value(m)
          : centre.value(m) - oracle.value(m);
      assertTrue(better > 0, m + ": oracle " + oracle.value(m) + ", centre " + centre.value(m));
    }
  }

  @Test
  void explainsInBatchesWithEachImagesClassAndReportsAllWork() {
    Oracle oracle = new Oracle();
    int[] classes = {0, 1, 0, 1, 1, 0, 1};
    long[] done = new long[1];
    MethodScores s = evaluation.evaluate(model, set, classes, oracle, null, 0, n -> done[0] += n);
    assertEquals(3, oracle.batches.size());
    assertArrayEquals(new int[] {0, 1, 0}, oracle.batches.get(0));
    assertArrayEquals(new int[] {1}, oracle.batches.get(2));
    assertArrayEquals(classes, s.classes());
    assertEquals(evaluation.work(set), done[0]);
    CausalCurves direct = new CausalMetric(CausalMetric.Mode.DELETION, SIZE, 8)
        .evaluate(model, set.images(), oracle.explain(ExplainRequest.of(model, set.images())
            .withTargets(Targets.of(classes))).display(), classes, n -> {});
    assertArrayEquals(direct.auc(), s.perImage(Metric.DELETION), 1e-6);
  }

  @Test
  void scoringReadsTheGivenClassesNotTheOnesTheMapRecords() {
    int[] asked = new int[COUNT]; // class 0, which the clean images give A + B = 5 to
    int[] recorded = new int[COUNT];
    Arrays.fill(recorded, 1); // as a set-level method records one class for all
    SaliencyMap made = new Oracle().explain(ExplainRequest.of(model, set.images())
        .withTargets(Targets.of(recorded)));
    long[] done = new long[1];
    MethodScores s = evaluation.score(model, set, made, asked, n -> done[0] += n);
    assertArrayEquals(asked, s.classes());
    double clean = RegionModel.probability(RegionModel.A + RegionModel.B);
    for (double[] curve : s.deletion().curves()) {
      assertEquals(clean, curve[0], 1e-5);
    }
    assertEquals(evaluation.scoringWork(set), done[0]);
  }

  @Test
  void explainedClassesAreTheLabelsOrTheTopOne() {
    Tensor images = Tensor.concat(0, model.images(2, 1), Tensor.zeros(DType.F32, 1, 3, SIZE,
        SIZE));
    EvaluationSet unlabelled = new EvaluationSet(images, regionMasks(3), null,
        List.of("a", "b", "c"));
    // the pattern gives z0 = A + B > 0 = z1; zeros give z0 = B < 0
    assertArrayEquals(new int[] {0, 0, 1}, evaluation.explainedClasses(model, unlabelled));
    int[] labels = {1, 1, 0};
    EvaluationSet labelled = new EvaluationSet(images, regionMasks(3), labels,
        List.of("a", "b", "c"));
    assertArrayEquals(labels, evaluation.explainedClasses(model, labelled));
  }

  @Test
  void defaultsScaleWithTheImage() {
    Evaluation.Options o = Evaluation.Options.defaults(64, 64);
    assertEquals(64, o.pixelsPerStep());
    assertEquals(PointingGame.PUBLISHED_TOLERANCE, o.pointingGame().tolerance());
  }

  private Tensor regionMasks(int count) {
    double[] m = new double[count * SIZE * SIZE];
    for (int p = 0; p < m.length; p++) {
      int q = p % (SIZE * SIZE);
      m[p] = model.inRegion(q / SIZE, q % SIZE) ? 1 : 0;
    }
    return Tensor.wrap(m, Shape.of(count, SIZE, SIZE));
  }
}
