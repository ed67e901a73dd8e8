package io.gradlight.saliency.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class PointingGameTest {
  private static final int SIZE = 20;

  @Test
  void hitIsStrictlyWithinTheTolerance() {
    Tensor mask = pixelMask(10, 10);
    PointingGame three = new PointingGame(3);
    assertEquals(1, three.hits(peak(10, 10), mask)[0]); // on the object
    assertEquals(1, three.hits(peak(10, 12), mask)[0]); // 2 px away
    assertEquals(0, three.hits(peak(10, 13), mask)[0]); // exactly 3 px: not strictly within
    assertEquals(0, three.hits(peak(13, 10), mask)[0]);
    // A diagonal of 3-4-5: a miss at tolerance 5, a hit just above.
    assertEquals(0, new PointingGame(5).hits(peak(13, 14), mask)[0]);
    assertEquals(1, new PointingGame(5.01).hits(peak(13, 14), mask)[0]);
  }

  @Test
  void theFirstMaximumInRowMajorOrderIsThePoint() {
    double[] m = new double[SIZE * SIZE];
    m[2 * SIZE + 15] = 1; // row 2, column 15
    m[18 * SIZE + 1] = 1; // row 18, column 1: same value, later
    Tensor map = Tensor.of(m, 1, SIZE, SIZE);
    assertEquals(2 * SIZE + 15, PointingGame.maximumPoint(map, 0));
    assertEquals(1, new PointingGame(1).hits(map, pixelMask(2, 15))[0]);
    assertEquals(0, new PointingGame(1).hits(map, pixelMask(18, 1))[0]);
  }

  @Test
  void anEmptyMaskIsSkipped() {
    Tensor empty = Tensor.zeros(io.gradlight.tensor.DType.F64, 1, SIZE, SIZE);
    assertTrue(Double.isNaN(PointingGame.published().hits(peak(3, 3), empty)[0]));
  }

  @Test
  void toleranceOfThePublishedAndScaledProtocols() {
    assertEquals(15, PointingGame.published().tolerance());
    assertEquals(15 * 64 / 224.0, PointingGame.scaled(64, 64).tolerance(), 1e-12);
    assertEquals(15 * 100 / 224.0, PointingGame.scaled(100, 300).tolerance(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new PointingGame(0));
    assertThrows(IllegalArgumentException.class, () -> new PointingGame(Double.NaN));
  }

  @Test
  void accuracyAveragesOverClassesAsTorchRay() {
    double[] hits = {1, 1, 1, 0, Double.NaN};
    int[] classes = {0, 0, 0, 2, 2};
    // Class 0: 3/3, class 2: 0/1 (its NaN skipped), class 1 absent: (1 + 0) / 2.
    assertEquals(0.5, PointingGame.accuracy(hits, classes), 1e-15);
    assertTrue(Double.isNaN(PointingGame.accuracy(new double[] {Double.NaN}, new int[] {0})));
    assertThrows(IllegalArgumentException.class,
        () -> PointingGame.accuracy(new double[2], new int[3]));
  }

  @Test
  void scoresEachImageOfABatch() {
    Tensor maps = Tensor.concat(0, peak(10, 10), peak(0, 0));
    Tensor masks = Tensor.concat(0, pixelMask(10, 11), pixelMask(10, 11));
    // (0, 0) is sqrt(221) = 14.9 px from (10, 11): a hit at 15 px, a miss at 14.
    assertArrayEquals(new double[] {1, 1}, PointingGame.published().hits(maps, masks));
    assertArrayEquals(new double[] {1, 0}, new PointingGame(14).hits(maps, masks));
  }

  private static Tensor peak(int row, int col) {
    double[] m = new double[SIZE * SIZE];
    m[row * SIZE + col] = 1;
    return Tensor.of(m, 1, SIZE, SIZE);
  }

  private static Tensor pixelMask(int row, int col) {
    return peak(row, col);
  }
}
