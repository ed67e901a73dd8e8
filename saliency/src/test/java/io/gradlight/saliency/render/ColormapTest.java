package io.gradlight.saliency.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.NpyReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ColormapTest {
  /** How far an entry may be from matplotlib's (viridis and inferno are interpolated). */
  static final double TABLE_TOLERANCE = 1.0 / 255;

  @ParameterizedTest
  @EnumSource(Colormap.class)
  void everyEntryIsWithinOneLevelOfMatplotlibsTable(Colormap map) throws Exception {
    Tensor expected = matplotlib(map.id()); // [256, 3]
    double worst = 0;
    for (int i = 0; i < Colormap.SIZE; i++) {
      double[] rgb = map.entry(i);
      for (int ch = 0; ch < 3; ch++) {
        worst = Math.max(worst, Math.abs(rgb[ch] - expected.get(i, ch)));
      }
    }
    assertTrue(worst <= TABLE_TOLERANCE, map + ": worst entry is " + worst * 255 + "/255 off");
    if (map == Colormap.JET || map == Colormap.GRAY) {
      assertEquals(0, worst, 1e-6, map + " is defined exactly, not sampled");
    }
  }

  @Test
  void aValueTakesTheEntryOfItsTruncatedLevelAndIsClamped() {
    assertEquals(0, Colormap.index(-3));
    assertEquals(0, Colormap.index(0.9 / 255));
    assertEquals(1, Colormap.index(1.0 / 255));
    assertEquals(254, Colormap.index(0.999));
    assertEquals(255, Colormap.index(1));
    assertEquals(255, Colormap.index(7));
    assertThrows(IllegalArgumentException.class, () -> Colormap.index(Double.NaN));
  }

  @Test
  void applyColoursEachPixelInChannelFirstOrder() {
    Tensor map = Tensor.of(new double[] {0, 1, 0.5, 0.25}, 2, 2);
    Tensor rgb = Colormap.VIRIDIS.apply(map);
    assertArrayEquals(new int[] {3, 2, 2}, rgb.shape().dims());
    for (int p = 0; p < 4; p++) {
      double[] expected = Colormap.VIRIDIS.entry(Colormap.index(map.get(p / 2, p % 2)));
      for (int ch = 0; ch < 3; ch++) {
        assertEquals(expected[ch], rgb.get(ch, p / 2, p % 2), 0);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> Colormap.JET.apply(rgb));
  }

  @Test
  void namesAreTheCommandLineIds() {
    assertEquals(Colormap.INFERNO, Colormap.fromId("inferno"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Colormap.fromId("hot"));
    assertTrue(e.getMessage().contains("jet, viridis, inferno, gray"), e.getMessage());
  }

  private static Tensor matplotlib(String name) throws IOException, URISyntaxException {
    var url = ColormapTest.class.getResource("/fixtures/colormaps/" + name + ".npy");
    if (url == null) {
      throw new IOException("missing fixture fixtures/colormaps/" + name + ".npy; run"
          + " scripts/make_colormap_fixtures.py");
    }
    return NpyReader.tensor(Path.of(url.toURI()));
  }
}
