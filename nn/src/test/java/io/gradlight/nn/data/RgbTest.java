package io.gradlight.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RgbTest {
  private static final double EPS = 1e-12;

  private static void assertRgb(double r, double g, double b, Rgb actual) {
    assertEquals(r, actual.r(), EPS, "red of " + actual);
    assertEquals(g, actual.g(), EPS, "green of " + actual);
    assertEquals(b, actual.b(), EPS, "blue of " + actual);
  }

  @Test
  void hsvCornersOfTheHexcone() {
    assertRgb(1, 0, 0, Rgb.fromHsv(0, 1, 1));
    assertRgb(1, 1, 0, Rgb.fromHsv(1.0 / 6, 1, 1));
    assertRgb(0, 1, 0, Rgb.fromHsv(1.0 / 3, 1, 1));
    assertRgb(0, 1, 1, Rgb.fromHsv(0.5, 1, 1));
    assertRgb(0, 0, 1, Rgb.fromHsv(2.0 / 3, 1, 1));
    assertRgb(1, 0, 1, Rgb.fromHsv(5.0 / 6, 1, 1));
    assertRgb(1, 0, 0, Rgb.fromHsv(1, 1, 1)); // hue wraps
    assertRgb(0.5, 0.5, 0.5, Rgb.fromHsv(0.3, 0, 0.5)); // no saturation: grey
    assertRgb(1, 0.75, 0.5, Rgb.fromHsv(1.0 / 12, 0.5, 1)); // half-way red to yellow, half pale
  }

  @Test
  void luminanceWeights() {
    assertEquals(1, new Rgb(1, 1, 1).luminance(), EPS);
    assertEquals(0.587, new Rgb(0, 1, 0).luminance(), EPS);
  }

  @Test
  void rejectsComponentsOutsideTheUnitInterval() {
    assertThrows(IllegalArgumentException.class, () -> new Rgb(1.5, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Rgb(0, Double.NaN, 0));
  }
}
