package io.gradlight.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CanvasTest {
  private static final double EPS = 1e-6;

  @Test
  void coverageOfASquareCountsSubsamples() {
    Canvas canvas = new Canvas(16);
    // Covers x and y in [4, 8.5]: pixels 4..7 fully, pixel 8 half (two of four subsample columns).
    float[] coverage = canvas.coverage(new Figure.Square(6.25, 6.25, 2.25));
    assertEquals(1, coverage[5 * 16 + 5], EPS);
    assertEquals(0.5, coverage[5 * 16 + 8], EPS);
    assertEquals(0.25, coverage[8 * 16 + 8], EPS);
    assertEquals(0, coverage[5 * 16 + 9], EPS);
    assertEquals(0, coverage[3 * 16 + 5], EPS);
    double total = 0;
    for (float c : coverage) {
      total += c;
    }
    assertEquals(4.5 * 4.5, total, EPS); // the square's area
  }

  @Test
  void blendMixesByCoverage() {
    Canvas canvas = new Canvas(16);
    canvas.set(2, 3, 0.2, 0.4, 0.6);
    float[] coverage = new float[16 * 16];
    coverage[2 * 16 + 3] = 0.25f;
    canvas.blend(coverage, new Rgb(1, 0, 0.6));
    float[] p = canvas.pixels();
    int at = 2 * 16 + 3;
    assertEquals(0.75 * 0.2 + 0.25, p[at], EPS);
    assertEquals(0.75 * 0.4, p[256 + at], EPS);
    assertEquals(0.6, p[512 + at], EPS);
    assertEquals(0, p[at + 1], EPS); // untouched pixel
  }

  @Test
  void meanLuminanceWeighsByCoverage() {
    Canvas canvas = new Canvas(16);
    canvas.set(0, 0, 1, 1, 1);
    canvas.set(0, 1, 0, 0, 0);
    float[] weights = new float[16 * 16];
    weights[0] = 3;
    weights[1] = 1;
    assertEquals(0.75, canvas.meanLuminance(weights), EPS);
    assertEquals(1.0 / 256, canvas.meanLuminance(new float[256]), EPS); // no weight: whole image
  }
}
