package io.gradlight.saliency.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlight.nn.image.Preprocessing;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.TensorRandom;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OverlayTest {
  private static final Tensor MAP = Tensor.of(new double[] {0, 0.5, 1, 0.2, 0.7, 0.9}, 2, 3);
  private static final Tensor IMAGE =
      TensorRandom.uniform(DType.F64, Shape.of(3, 2, 3), 0, 1, new SplittableRandom(1));

  @Test
  void blendsHalfHeatHalfImageThenDividesByTheBrightestValue() {
    Tensor out = Overlay.onImage(MAP, IMAGE, Colormap.JET);
    double[] blend = new double[18];
    double max = 0;
    for (int ch = 0; ch < 3; ch++) {
      for (int p = 0; p < 6; p++) {
        double heat = Colormap.JET.entry(Colormap.index(MAP.get(p / 3, p % 3)))[ch];
        blend[ch * 6 + p] = 0.5 * heat + 0.5 * IMAGE.get(ch, p / 3, p % 3);
        max = Math.max(max, blend[ch * 6 + p]);
      }
    }
    double[] actual = out.toDoubleArray();
    for (int i = 0; i < 18; i++) {
      assertEquals(blend[i] / max, actual[i], 1e-6);
    }
    assertEquals(1, out.maxValue(), 1e-6);
  }

  @Test
  void weightOneIsTheImageScaledAndWeightZeroTheHeatMap() {
    Tensor heat = Overlay.heat(MAP, Colormap.INFERNO);
    assertEquals(0, Overlay.onImage(MAP, IMAGE, Colormap.INFERNO, 1).sub(
        IMAGE.to(DType.F32).div(IMAGE.maxValue())).abs().maxValue(), 1e-6);
    assertEquals(0, Overlay.onImage(MAP, IMAGE, Colormap.INFERNO, 0).sub(
        heat.div(heat.maxValue())).abs().maxValue(), 1e-6);
  }

  @Test
  void imageOfUndoesThePreprocessingAndClamps() {
    Preprocessing imagenet = new Preprocessing(2, 3, Preprocessing.IMAGENET_MEAN,
        Preprocessing.IMAGENET_STD);
    Tensor input = imagenet.apply(IMAGE.reshape(1, 3, 2, 3).to(DType.F32));
    Tensor back = Overlay.imageOf(input.squeeze(0), imagenet);
    assertEquals(0, back.sub(IMAGE.to(DType.F32)).abs().maxValue(), 1e-6);
    Tensor bright = Overlay.imageOf(input.squeeze(0).add(100), imagenet);
    assertEquals(1, bright.minValue(), 0);
  }

  @Test
  void rejectsMismatchedShapesImagesOutsideTheUnitRangeAndBadWeights() {
    assertThrows(IllegalArgumentException.class,
        () -> Overlay.onImage(MAP, IMAGE.slice(2, 0, 2), Colormap.JET));
    assertThrows(IllegalArgumentException.class,
        () -> Overlay.onImage(MAP, IMAGE.mul(2), Colormap.JET));
    assertThrows(IllegalArgumentException.class,
        () -> Overlay.onImage(MAP, IMAGE, Colormap.JET, 1.5));
  }
}
