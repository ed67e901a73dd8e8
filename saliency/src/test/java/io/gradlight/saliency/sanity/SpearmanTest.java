package io.gradlight.saliency.sanity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpearmanTest {
  private static final double TOLERANCE = 1e-12;

  @Test
  void tiesShareTheirAverageRank() {
    assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Spearman.ranks(new double[] {5, 7, 7, 9}));
    assertArrayEquals(new double[] {4, 2, 4, 1, 4}, Spearman.ranks(new double[] {3, 1, 3, 0, 3}));
    assertArrayEquals(new double[] {2, 2, 2}, Spearman.ranks(new double[] {-0.0, 0.0, 0}));
  }

  @Test
  void withoutTiesItIsTheTextbookFormula() {
    // d = (0, 1, 1, 0): 1 - 6 * 2 / (4 * 15) = 0.8
    assertEquals(0.8, Spearman.of(new double[] {1, 2, 3, 4}, new double[] {10, 30, 20, 40}),
        TOLERANCE);
    assertEquals(-1, Spearman.of(new double[] {1, 2, 3}, new double[] {9, 4, 1}), TOLERANCE);
    assertEquals(1, Spearman.of(new double[] {0.1, 5, 7}, new double[] {-3, 0, 100}), TOLERANCE);
  }

  @Test
  void withTiesItIsThePearsonCorrelationOfAverageRanks() {
    // ranks (1..5) and (1, 2, 3.5, 5, 3.5): centred (-2,-1,0,1,2) and (-2,-1,.5,2,.5),
    // products sum to 8, squares to 10 and 9.5
    assertEquals(8 / Math.sqrt(95),
        Spearman.of(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7}), TOLERANCE);
    // scipy.stats.spearmanr gives 0.05 and, on the absolute values, -0.55
    double[] a = {0.3, -1.2, 0.3, 2.0, -0.7, 0.0, 1.1, 0.3};
    double[] b = {1.0, 0.5, -0.2, 0.5, 0.9, -1.5, 0.5, 2.2};
    assertEquals(0.05, Spearman.of(a, b), TOLERANCE);
    assertEquals(-0.55, Spearman.ofAbsolute(a, b), TOLERANCE);
  }

  @Test
  void absoluteValuesIgnoreSigns() {
    double[] a = {-3, 1, 2};
    double[] b = {3, 1, 2};
    // ranks (1, 2, 3) and (3, 1, 2): centred (-1, 0, 1) and (1, -1, 0), products -1, squares 2
    assertEquals(-0.5, Spearman.of(a, b), TOLERANCE);
    assertEquals(1, Spearman.ofAbsolute(a, b), TOLERANCE);
  }

  @Test
  void aConstantMapSharesNoRanking() {
    assertEquals(0, Spearman.of(new double[] {2, 2, 2}, new double[] {1, 5, 3}));
    assertEquals(0, Spearman.of(new double[] {1, 5, 3}, new double[] {0, 0, 0}));
    assertEquals(0, Spearman.of(new double[] {0, 0}, new double[] {0, 0}));
  }

  @Test
  void symmetricAndInvariantUnderMonotoneMaps() {
    double[] a = {0.5, 0.1, 0.9, 0.3, 0.3, 0.7};
    double[] b = {2, 8, 1, 1, 5, 3};
    double[] expA = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      expA[i] = Math.exp(10 * a[i]);
    }
    double rho = Spearman.of(a, b);
    assertEquals(rho, Spearman.of(b, a), TOLERANCE);
    assertEquals(rho, Spearman.of(expA, b), TOLERANCE);
    assertTrue(rho < 0, "a and b mostly disagree: " + rho);
  }

  @Test
  void badInputsAreErrorsNamingTheProblem() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Spearman.of(new double[] {1, 2}, new double[] {1, 2, 3}));
    assertTrue(e.getMessage().contains("lengths 2 and 3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Spearman.of(new double[] {1}, new double[] {1}));
    assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Spearman.of(new double[] {1, Double.NaN}, new double[] {1, 2}));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
  }
}
