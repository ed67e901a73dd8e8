package io.gradlight.saliency.manipulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TargetPictureTest {
  @Test
  void smileyHasBrightEyesADarkNoseAndIsMirrorSymmetric() {
    Tensor s = TargetPicture.smiley(20, 20).values();
    assertEquals(1.0, s.get(6, 6)); // left eye centre (0.3, 0.3)
    assertEquals(1.0, s.get(6, 14)); // right eye centre (0.7, 0.3)
    assertEquals(0.0, s.get(10, 10)); // between the eyes and the mouth
    assertEquals(1.0, s.get(14, 10)); // the bottom of the mouth, 0.3 to 0.35 below its centre
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 20; x++) {
        assertEquals(s.get(y, x), s.get(y, 19 - x), 1e-12, "at " + y + ", " + x);
      }
    }
  }

  @Test
  void imageIsTurnedToLuminanceAreaAveragedAndStretched() {
    // 4 x 4 white image with a black top-left 2 x 2 quarter and a grey (0.5) top-right pixel.
    double[] rgb = new double[3 * 16];
    Arrays.fill(rgb, 1);
    for (int c = 0; c < 3; c++) {
      for (int at : new int[] {0, 1, 4, 5}) {
        rgb[c * 16 + at] = 0;
      }
      rgb[c * 16 + 3] = 0.5;
    }
    Tensor p = TargetPicture.fromImage(Tensor.of(rgb, 3, 4, 4), 2, 2).values();
    // cells: black 0, (1 + 0.5 + 1 + 1)/4 = 0.875, white 1, white 1; stretched from [0, 1].
    assertTrue(p.allClose(Tensor.of(new double[] {0, 0.875, 1, 1}, 2, 2), 0, 1e-12), p.toString());
  }

  @Test
  void areaAveragingHandlesSizesThatDoNotDivide() {
    // A horizontal ramp 0..1 over 3 pixels to 2 cells: cell 0 covers pixel 0 and half of pixel 1.
    double[] rgb = new double[3 * 3];
    for (int c = 0; c < 3; c++) {
      rgb[c * 3] = 0;
      rgb[c * 3 + 1] = 0.5;
      rgb[c * 3 + 2] = 1;
    }
    Tensor p = TargetPicture.fromImage(Tensor.of(rgb, 3, 1, 3), 1, 2).values();
    // (0 + 0.5 * 0.5) / 1.5 = 1/6 and 5/6, stretched to 0 and 1.
    assertTrue(p.allClose(Tensor.of(new double[] {0, 1}, 1, 2), 0, 1e-12), p.toString());
  }

  @Test
  void flatImagesAndBadValuesAreRejected() {
    Tensor grey = Tensor.full(DType.F64, Shape.of(3, 8, 8), 0.4);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TargetPicture.fromImage(grey, 4, 4));
    assertTrue(e.getMessage().contains("flat"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> TargetPicture.of(Tensor.of(new double[] {0, 2}, 1, 2)));
    assertThrows(
        IllegalArgumentException.class, () -> TargetPicture.of(Tensor.zeros(DType.F64, 2, 2)));
    assertThrows(IllegalArgumentException.class, () -> TargetPicture.smiley(0, 4));
  }

  @Test
  void displayIsThePictureThroughGradCamsDisplayPipeline() {
    TargetPicture p = TargetPicture.smiley(8, 8);
    Tensor d = p.display(64, 64);
    assertEquals(64, d.dim(0));
    assertTrue(d.minValue() >= 0 && d.maxValue() <= 1);
    // A pixel centred in an eye cell keeps the (normalised) eye value.
    assertTrue(d.get(19, 19) > 0.5);
  }
}
