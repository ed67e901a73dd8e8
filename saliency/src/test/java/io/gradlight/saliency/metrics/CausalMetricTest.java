package io.gradlight.saliency.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CausalMetricTest {
  /** F32 forward passes: probabilities agree with the double formula to this. */
  private static final double PROBABILITY_TOLERANCE = 1e-5;

  private static final int SIZE = 16;
  private static final int COUNT = 3;
  private final RegionModel model = new RegionModel(SIZE, 4, 4);
  private final Tensor images = model.images(COUNT, 7);
  private final int[] classes = new int[COUNT];

  @Test
  void areaOfKnownCurves() {
    assertEquals(0.3, CausalMetric.auc(new double[] {0.3, 0.3, 0.3, 0.3}), 1e-15);
    assertEquals(0.5, CausalMetric.auc(new double[] {1, 0.75, 0.5, 0.25, 0}), 1e-15);
    assertEquals(0.5, CausalMetric.auc(new double[] {0, 1}), 1e-15);
    // Two trapezoids of width 1/2: (1 + 0) / 2 / 2 + (0 + 0) / 2 / 2.
    assertEquals(0.25, CausalMetric.auc(new double[] {1, 0, 0}), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> CausalMetric.auc(new double[] {1}));
  }

  @Test
  void stepsCoverEveryPixel() {
    assertEquals(64, CausalMetric.defaultPixelsPerStep(64, 64));
    assertEquals(64, new CausalMetric(CausalMetric.Mode.DELETION, 64, 8).steps(64, 64));
    assertEquals(41, new CausalMetric(CausalMetric.Mode.DELETION, 100, 8).steps(64, 64));
    assertEquals(224, new CausalMetric(CausalMetric.Mode.DELETION, 224, 8).steps(224, 224));
  }

  @Test
  void rankingIsDescendingWithTiesInRowMajorOrder() {
    Tensor map = Tensor.of(new double[] {0.5, 0.9, 0.5, 0.1, 0.9, 0.5}, 1, 2, 3);
    assertArrayEquals(new int[] {1, 4, 0, 2, 5, 3}, CausalMetric.ranking(map, 0));
  }

  @Test
  void deletionCurveOfTheRegionMapFollowsTheLogitExactly() {
    CausalCurves curves = new CausalMetric(CausalMetric.Mode.DELETION, 4, 10)
        .evaluate(model, images, regionMap(false), classes, n -> {});
    assertEquals(64, curves.steps());
    for (double[] curve : curves.curves()) {
      for (int s = 0; s <= 64; s++) {
        // 4 of the 16 region pixels go per step; each took A / 16 of the logit with it.
        double z0 = RegionModel.A * Math.max(0, 16 - 4 * s) / 16 + RegionModel.B;
        assertEquals(RegionModel.probability(z0), curve[s], PROBABILITY_TOLERANCE, "step " + s);
      }
    }
  }

  @Test
  void endpointsAreTheImageAndTheSubstrates() {
    double[] clean = ClassProbabilities.of(model, images, classes);
    double[] zeros = ClassProbabilities.of(model, images.zerosLike(), classes);
    double[] blurred = ClassProbabilities.of(model, RiseBlur.apply(images), classes);
    Tensor random = randomMap(3);
    CausalCurves deletion = new CausalMetric(CausalMetric.Mode.DELETION, SIZE, 64)
        .evaluate(model, images, random, classes, n -> {});
    CausalCurves insertion = new CausalMetric(CausalMetric.Mode.INSERTION, SIZE, 64)
        .evaluate(model, images, random, classes, n -> {});
    for (int i = 0; i < COUNT; i++) {
      double[] d = deletion.curves()[i];
      double[] in = insertion.curves()[i];
      assertEquals(SIZE + 1, d.length);
      assertEquals(clean[i], d[0], 0);
      assertEquals(zeros[i], d[SIZE], 0);
      assertEquals(blurred[i], in[0], 0);
      assertEquals(clean[i], in[SIZE], 0);
      assertEquals(CausalMetric.auc(d), deletion.auc()[i], 0);
    }
  }

  @Test
  void theTrueRegionBeatsARandomMapWhichBeatsTheReverseMap() {
    Tensor region = regionMap(false);
    Tensor reverse = regionMap(true);
    Tensor random = randomMap(11);
    CausalMetric deletion = new CausalMetric(CausalMetric.Mode.DELETION, 4, 256);
    CausalMetric insertion = new CausalMetric(CausalMetric.Mode.INSERTION, 4, 256);
    double dRegion = deletion.evaluate(model, images, region, classes, n -> {}).meanAuc();
    double dRandom = deletion.evaluate(model, images, random, classes, n -> {}).meanAuc();
    double dReverse = deletion.evaluate(model, images, reverse, classes, n -> {}).meanAuc();
    double iRegion = insertion.evaluate(model, images, region, classes, n -> {}).meanAuc();
    double iRandom = insertion.evaluate(model, images, random, classes, n -> {}).meanAuc();
    double iReverse = insertion.evaluate(model, images, reverse, classes, n -> {}).meanAuc();
    assertTrue(dRegion < dRandom && dRandom < dReverse,
        "deletion " + dRegion + " < " + dRandom + " < " + dReverse);
    assertTrue(iRegion > iRandom && iRandom > iReverse,
        "insertion " + iRegion + " > " + iRandom + " > " + iReverse);
    // Once the region is back (step 4 of 64), insertion has the clean image's probability.
    double[] curve = insertion.evaluate(model, images, region, classes, n -> {}).curves()[0];
    assertEquals(RegionModel.probability(RegionModel.A + RegionModel.B), curve[4],
        PROBABILITY_TOLERANCE);
  }

  @Test
  void batchSizeDoesNotChangeTheCurvesAndProgressCountsEveryPass() {
    Tensor map = randomMap(5);
    long[] done = new long[1];
    CausalCurves one = new CausalMetric(CausalMetric.Mode.INSERTION, 8, 1)
        .evaluate(model, images, map, classes, n -> done[0] += n);
    CausalCurves odd = new CausalMetric(CausalMetric.Mode.INSERTION, 8, 7)
        .evaluate(model, images, map, classes, n -> {});
    assertEquals(COUNT * (32 + 1), done[0]);
    for (int i = 0; i < COUNT; i++) {
      assertArrayEquals(one.curves()[i], odd.curves()[i], PROBABILITY_TOLERANCE);
    }
  }

  @Test
  void rejectsMismatchedShapesAndBadOptions() {
    CausalMetric m = new CausalMetric(CausalMetric.Mode.DELETION, 4, 4);
    Tensor wrongSize = Tensor.zeros(images.dtype(), COUNT, SIZE, SIZE + 1);
    assertThrows(IllegalArgumentException.class,
        () -> m.evaluate(model, images, wrongSize, classes, n -> {}));
    assertThrows(IllegalArgumentException.class,
        () -> m.evaluate(model, images, randomMap(1), new int[2], n -> {}));
    assertThrows(IllegalArgumentException.class,
        () -> new CausalMetric(CausalMetric.Mode.DELETION, 0, 4));
    assertThrows(IllegalArgumentException.class,
        () -> new CausalMetric(CausalMetric.Mode.DELETION, 4, 0));
    Tensor nan = Tensor.full(images.dtype(), Shape.of(COUNT, SIZE, SIZE), Double.NaN);
    assertThrows(IllegalArgumentException.class,
        () -> m.evaluate(model, images, nan, classes, n -> {}));
  }

  /** Distinct descending values on the region in row-major order, 0 elsewhere (or negated). */
  private Tensor regionMap(boolean reversed) {
    double[] m = new double[COUNT * SIZE * SIZE];
    for (int i = 0; i < COUNT; i++) {
      int k = 0;
      for (int r = 0; r < SIZE; r++) {
        for (int c = 0; c < SIZE; c++) {
          if (model.inRegion(r, c)) {
            double v = 1 - k++ / 100.0;
            m[(i * SIZE + r) * SIZE + c] = reversed ? -v : v;
          }
        }
      }
    }
    return Tensor.of(m, COUNT, SIZE, SIZE);
  }

  private static Tensor randomMap(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] m = new double[COUNT * SIZE * SIZE];
    Arrays.setAll(m, i -> rng.nextDouble());
    return Tensor.of(m, COUNT, SIZE, SIZE);
  }
}
