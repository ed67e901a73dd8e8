package io.gradlight.nn.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngWriterTest {
  @TempDir Path dir;

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  @Test
  void rgbValuesRoundToTheNearestByteAndClamp() throws IOException {
    Tensor image =
        Tensor.of(new float[] {0f, 0.5f, 1f, 2f, -1f, 0.2f}, 3, 1, 2); // R, G, B planes of 1 x 2
    Path file = dir.resolve("a.png");
    PngWriter.writeRgb(image, file);
    BufferedImage read = ImageIO.read(file.toFile());
    assertEquals(2, read.getWidth());
    assertEquals(1, read.getHeight());
    // x=0: R 0, G 1 -> 255, B -1 -> 0; x=1: R 0.5 -> 128, G 2 -> 255, B 0.2 -> 51.
    assertEquals(0x00FF00, read.getRGB(0, 0) & 0xFFFFFF);
    assertEquals((128 << 16) | (255 << 8) | 51, read.getRGB(1, 0) & 0xFFFFFF);
  }

  @Test
  void writeThenReadReturnsTheQuantisedImage() throws IOException {
    SplittableRandom rng = new SplittableRandom(3);
    Tensor image = Tensor.uniform(DType.F64, io.gradlight.tensor.Shape.of(3, 9, 11), 0, 1, rng);
    Path file = dir.resolve("round.png");
    PngWriter.writeRgb(image, file);
    double[] expected = image.toDoubleArray();
    for (int k = 0; k < expected.length; k++) {
      expected[k] = Math.round(expected[k] * 255) / 255.0;
    }
    assertArrayEquals(expected, ImageDecoder.read(file).toDoubleArray(), 1e-7);
  }

  @Test
  void sameTensorGivesSameBytes() throws IOException {
    Tensor image =
        Tensor.uniform(
            DType.F32, io.gradlight.tensor.Shape.of(3, 16, 16), 0, 1, new SplittableRandom(1));
    PngWriter.writeRgb(image, dir.resolve("one.png"));
    PngWriter.writeRgb(image, dir.resolve("two.png"));
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("one.png")), Files.readAllBytes(dir.resolve("two.png")));
    assertEquals(2, list(dir).size(), "temporary files left: " + list(dir));
    assertArrayEquals(Files.readAllBytes(dir.resolve("one.png")), PngWriter.encodeRgb(image));
  }

  @Test
  void masksAreWrittenAsGrey() throws IOException {
    Tensor mask = Tensor.of(new float[] {0, 1, 1, 0, 0.5f, 0}, 2, 3);
    Path file = dir.resolve("mask.png");
    PngWriter.writeGray(mask, file);
    BufferedImage read = ImageIO.read(file.toFile());
    assertEquals(BufferedImage.TYPE_BYTE_GRAY, read.getType());
    int[] samples = read.getRaster().getSamples(0, 0, 3, 2, 0, new int[6]);
    assertArrayEquals(new int[] {0, 255, 255, 0, 128, 0}, samples);
  }

  @Test
  void rejectsBadTensorsAndLeavesNothingBehind() throws IOException {
    Path file = dir.resolve("bad.png");
    IllegalArgumentException shape =
        assertThrows(
            IllegalArgumentException.class,
            () -> PngWriter.writeRgb(Tensor.zeros(DType.F32, 4, 2, 2), file));
    assertTrue(shape.getMessage().contains("[4, 2, 2]"), shape.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> PngWriter.writeGray(Tensor.zeros(DType.F32, 2), file));
    IllegalArgumentException nan =
        assertThrows(
            IllegalArgumentException.class,
            () -> PngWriter.writeGray(Tensor.of(new float[] {0, Float.NaN}, 1, 2), file));
    assertTrue(nan.getMessage().contains("row 0, column 1"), nan.getMessage());
    assertEquals(List.of(), list(dir));
  }
}
