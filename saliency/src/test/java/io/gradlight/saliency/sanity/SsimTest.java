package io.gradlight.saliency.sanity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SsimTest {
  private static final double TOLERANCE = 1e-12;
  private static final double C2 = 0.03 * 0.03;

  @Test
  void aMapIsWhollySimilarToItself() {
    double[] x = pattern(12, 10, 7, 3, 11);
    assertEquals(1, new Ssim().of(x, x, 12, 10), TOLERANCE);
    double[] flat = new double[49];
    java.util.Arrays.fill(flat, 0.25);
    assertEquals(1, new Ssim().of(flat, flat, 7, 7), TOLERANCE);
  }

  @Test
  void oneWindowByHand() {
    // x = (0..8)/8, y = 0.5: equal means, sample variance of x (7.5 / 64), none for y
    double[] x = new double[9];
    double[] y = new double[9];
    for (int i = 0; i < 9; i++) {
      x[i] = i / 8.0;
      y[i] = 0.5;
    }
    double expected = C2 / (7.5 / 64 + C2); // luminance term 1, covariance 0
    assertEquals(expected, new Ssim(3).of(x, y, 3, 3), TOLERANCE);
    assertEquals(expected, new Ssim(3).of(y, x, 3, 3), TOLERANCE);
  }

  @Test
  void agreesWithScikitImage() {
    // skimage.metrics.structural_similarity(x, y, data_range=1.0) (0.19.3), win_size 7 and 5
    double[] x = pattern(12, 10, 7, 3, 11);
    double[] y = new double[120];
    for (int i = 0; i < 12; i++) {
      for (int j = 0; j < 10; j++) {
        y[i * 10 + j] = ((i * 5 + j * j) % 13) / 12.0;
      }
    }
    assertEquals(0.17371308307664793, new Ssim().of(x, y, 12, 10), 1e-12);
    assertEquals(0.2081965255417719, new Ssim(5).of(x, y, 12, 10), 1e-12);
    double[] a = {0.1, 0.4, 0.9, 0.3, 0.2, 0.8, 0.5, 0.7, 0.6, 0.0, 1.0, 0.25, 0.35, 0.45, 0.55,
        0.65};
    double[] b = {0.3, 0.1, 0.7, 0.2, 0.9, 0.6, 0.4, 0.8, 0.5, 0.05, 0.95, 0.15, 0.25, 0.75, 0.85,
        0.45};
    assertEquals(0.7164768220227864, new Ssim(3).of(a, b, 4, 4), 1e-12);
  }

  @Test
  void badWindowsAndSizesAreErrors() {
    assertThrows(IllegalArgumentException.class, () -> new Ssim(4));
    assertThrows(IllegalArgumentException.class, () -> new Ssim(1));
    var e = assertThrows(IllegalArgumentException.class,
        () -> new Ssim().of(new double[36], new double[36], 6, 6));
    assertTrue(e.getMessage().contains("smaller than the 7 x 7 window"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Ssim(3).of(new double[9], new double[8], 3, 3));
  }

  /** {@code ((i a + j b) mod m) / (m - 1)}, row by row. */
  private static double[] pattern(int h, int w, int a, int b, int m) {
    double[] out = new double[h * w];
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < w; j++) {
        out[i * w + j] = ((i * a + j * b) % m) / (m - 1.0);
      }
    }
    return out;
  }
}
