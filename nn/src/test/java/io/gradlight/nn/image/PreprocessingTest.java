package io.gradlight.nn.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessingTest {
  private static final float EPS = 1e-6f;

  @TempDir Path dir;

  @Test
  void unitRangeAtTheModelSizeIsTheIdentity() {
    Tensor image = Tensor.uniform(DType.F32, Shape.of(3, 8, 8), 0, 1, new SplittableRandom(1));
    Tensor x = Preprocessing.unitRange(8).apply(image);
    assertEquals(Shape.of(1, 3, 8, 8), x.shape());
    assertArrayEquals(image.f32(), x.f32());
  }

  @Test
  void imagenetNormalisesEachChannel() {
    Tensor grey = Tensor.full(DType.F32, Shape.of(3, 4, 4), 0.5);
    Tensor x = Preprocessing.imagenet(4).apply(grey);
    double[] mean = {0.485, 0.456, 0.406};
    double[] std = {0.229, 0.224, 0.225};
    for (int c = 0; c < 3; c++) {
      assertEquals((0.5 - mean[c]) / std[c], x.get(0, c, 3, 1), EPS);
    }
  }

  @Test
  void resizeMatchesPyTorchBilinearWithHalfPixelCentres() {
    // torch.nn.functional.interpolate(torch.tensor([[[[0., 1.], [2., 3.]]]]), size=(4, 4),
    //     mode='bilinear', align_corners=False)
    float[] expected = {
      0, 0.25f, 0.75f, 1, 0.5f, 0.75f, 1.25f, 1.5f, 1.5f, 1.75f, 2.25f, 2.5f, 2, 2.25f, 2.75f, 3
    };
    float[] plane = {0, 1, 2, 3};
    float[] data = new float[12];
    for (int c = 0; c < 3; c++) {
      System.arraycopy(plane, 0, data, 4 * c, 4);
    }
    Tensor x = Preprocessing.unitRange(4).apply(Tensor.of(data, 1, 3, 2, 2));
    assertEquals(Shape.of(1, 3, 4, 4), x.shape());
    for (int c = 0; c < 3; c++) {
      float[] channel = new float[16];
      System.arraycopy(x.f32(), 16 * c, channel, 0, 16);
      assertArrayEquals(expected, channel, EPS);
    }
  }

  @Test
  void nonSquareTargetsAndDenormaliseInverts() {
    Preprocessing p = new Preprocessing(5, 7, new double[] {0.1, 0.2, 0.3}, new double[] {2, 3, 4});
    Tensor image = Tensor.uniform(DType.F32, Shape.of(3, 5, 7), 0, 1, new SplittableRandom(2));
    Tensor x = p.apply(image);
    assertEquals(Shape.of(1, 3, 5, 7), x.shape());
    assertTrue(p.denormalise(x).reshape(3, 5, 7).allClose(image, 0, EPS));
    assertEquals(Shape.of(3, 5, 7), p.denormalise(image).shape());
  }

  @Test
  void loadDecodesThenPreprocesses() throws IOException {
    Tensor image = Tensor.uniform(DType.F32, Shape.of(3, 6, 6), 0, 1, new SplittableRandom(4));
    Path file = dir.resolve("in.png");
    PngWriter.writeRgb(image, file);
    Tensor x = Preprocessing.imagenet(3).load(file);
    assertEquals(Shape.of(1, 3, 3, 3), x.shape());
    assertTrue(x.allClose(Preprocessing.imagenet(3).apply(ImageDecoder.read(file)), 0, 0));
  }

  @Test
  void rejectsBadConfigurationAndInputs() {
    IllegalArgumentException std =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Preprocessing(4, 4, new double[] {0, 0, 0}, new double[] {1, 0, 1}));
    assertTrue(std.getMessage().contains("[1.0, 0.0, 1.0]"), std.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Preprocessing(0, 4, new double[3], new double[] {1, 1, 1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Preprocessing(4, 4, new double[2], new double[] {1, 1}));
    IllegalArgumentException shape =
        assertThrows(
            IllegalArgumentException.class,
            () -> Preprocessing.unitRange(4).apply(Tensor.zeros(DType.F32, 1, 4, 4)));
    assertTrue(shape.getMessage().contains("[1, 4, 4]"), shape.getMessage());
  }

  @Test
  void equalityIsByValue() {
    assertEquals(Preprocessing.imagenet(224), Preprocessing.imagenet(224));
    assertEquals(Preprocessing.imagenet(224).hashCode(), Preprocessing.imagenet(224).hashCode());
    assertTrue(!Preprocessing.imagenet(224).equals(Preprocessing.unitRange(224)));
  }
}
