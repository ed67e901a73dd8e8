package io.gradlight.nn.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {
  /** The error allowed on a hard-edged grey JPEG pixel. */
  private static final double JPEG_GREY_ERROR = 0.05;

  /** Mean absolute error allowed after a JPEG round trip of a smooth image at default quality. */
  private static final double JPEG_MEAN_ERROR = 0.02;

  @TempDir Path dir;

  /** A noisy image (incompressible, so truncation cuts pixel data), values on the 8-bit grid. */
  private static BufferedImage noisyRgb(int w, int h, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, rng.nextInt(1 << 24));
      }
    }
    return image;
  }

  private Path write(BufferedImage image, String format, String name) throws IOException {
    Path file = dir.resolve(name);
    assertTrue(ImageIO.write(image, format, file.toFile()), "no writer for " + format);
    return file;
  }

  private static float channel(int rgb, int c) {
    return ((rgb >> (16 - 8 * c)) & 0xFF) / 255f;
  }

  @Test
  void readsRgbPngExactly() throws IOException {
    BufferedImage image = noisyRgb(7, 5, 1);
    Tensor t = ImageDecoder.read(write(image, "png", "rgb.png"));
    assertEquals(Shape.of(3, 5, 7), t.shape());
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 7; x++) {
        for (int c = 0; c < 3; c++) {
          assertEquals(channel(image.getRGB(x, y), c), (float) t.get(c, y, x), "at " + y + "," + x);
        }
      }
    }
    assertEquals(
        new ImageDecoder.Header("png", 7, 5), ImageDecoder.readHeader(dir.resolve("rgb.png")));
  }

  @Test
  void greyIsRepeatedIntoThreeChannelsWithoutGammaChange() throws IOException {
    BufferedImage grey = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster raster = grey.getRaster();
    for (int k = 0; k < 12; k++) {
      raster.setSample(k % 4, k / 4, 0, k * 20);
    }
    for (String format : List.of("png", "jpeg")) {
      Tensor t = ImageDecoder.read(write(grey, format, "grey." + format));
      assertEquals(Shape.of(3, 3, 4), t.shape());
      for (int k = 0; k < 12; k++) {
        double r = t.get(0, k / 4, k % 4);
        assertEquals(r, t.get(1, k / 4, k % 4));
        assertEquals(r, t.get(2, k / 4, k % 4));
        // JPEG blurs the steps a little; a gamma change would move mid-greys by over 0.2.
        double tolerance = format.equals("png") ? 1e-7 : JPEG_GREY_ERROR;
        assertEquals(k * 20 / 255.0, r, tolerance, format + " pixel " + k);
      }
    }
  }

  @Test
  void sixteenBitGreyIsScaledBy65535() throws IOException {
    BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
    grey.getRaster().setSample(0, 0, 0, 65535);
    grey.getRaster().setSample(1, 0, 0, 1000);
    Tensor t = ImageDecoder.read(write(grey, "png", "grey16.png"));
    assertEquals(1, t.get(1, 0, 0), 1e-7);
    assertEquals(1000 / 65535.0, t.get(2, 0, 1), 1e-7);
  }

  @Test
  void alphaIsDroppedNotComposited() throws IOException {
    BufferedImage rgba = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
    rgba.setRGB(0, 0, 0x00FF8040); // fully transparent orange
    rgba.setRGB(1, 0, 0x80102030); // half transparent
    Tensor t = ImageDecoder.read(write(rgba, "png", "rgba.png"));
    assertArrayEquals(
        new float[] {1, 0x10 / 255f, 0x80 / 255f, 0x20 / 255f, 0x40 / 255f, 0x30 / 255f},
        t.f32(),
        1e-7f);
  }

  @Test
  void paletteImagesUseTheirPaletteColours() throws IOException {
    byte[] r = {0, (byte) 200};
    byte[] g = {10, 100};
    byte[] b = {20, 50};
    IndexColorModel palette = new IndexColorModel(1, 2, r, g, b);
    BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
    indexed.getRaster().setSample(1, 0, 0, 1);
    Tensor t = ImageDecoder.read(write(indexed, "png", "palette.png"));
    assertArrayEquals(
        new float[] {0, 200 / 255f, 10 / 255f, 100 / 255f, 20 / 255f, 50 / 255f}, t.f32(), 1e-7f);
  }

  @Test
  void readsJpegCloseToTheOriginal() throws IOException {
    BufferedImage smooth = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 24; y++) {
      for (int x = 0; x < 32; x++) {
        smooth.setRGB(x, y, (x * 8 << 16) | (y * 10 << 8) | 128);
      }
    }
    Tensor t = ImageDecoder.read(write(smooth, "jpeg", "smooth.jpg"));
    assertEquals(Shape.of(3, 24, 32), t.shape());
    double error = 0;
    for (int y = 0; y < 24; y++) {
      for (int x = 0; x < 32; x++) {
        for (int c = 0; c < 3; c++) {
          error += Math.abs(channel(smooth.getRGB(x, y), c) - t.get(c, y, x));
        }
      }
    }
    assertTrue(error / t.size() < JPEG_MEAN_ERROR, "mean error " + error / t.size());
  }

  private void assertRefused(Path file, String... phrases) {
    BadImageException e = assertThrows(BadImageException.class, () -> ImageDecoder.read(file));
    String message = e.getMessage();
    assertTrue(message.startsWith(file.toString()), message);
    assertTrue(!message.contains("\n"), "one line: " + message);
    for (String phrase : phrases) {
      assertTrue(message.contains(phrase), "'" + phrase + "' missing from: " + message);
    }
  }

  @Test
  void hugeDeclaredSizeIsRefusedFromTheHeader() throws IOException {
    Path file = dir.resolve("huge.png");
    Files.write(file, CraftedPng.rgbHeader(100_000, 100_000));
    long start = System.nanoTime();
    assertRefused(file, "100000 x 100000", "over the limit");
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "not fast");
    BadImageException e =
        assertThrows(BadImageException.class, () -> ImageDecoder.readHeader(file));
    assertTrue(e.getMessage().contains("10,000,000,000 pixels"), e.getMessage());
  }

  @Test
  void hugeDeclaredSizeIsRefusedUnderA64MegabyteHeap() throws Exception {
    Path file = dir.resolve("huge.png");
    Files.write(file, CraftedPng.rgbHeader(100_000, 100_000));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                HugeHeaderProbe.class.getName(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, child.exitValue(), output);
    assertTrue(output.contains("refused: ") && output.contains("over the limit"), output);
  }

  @Test
  void sizeJustOverTheLimitIsRefusedAndJustUnderPassesTheGate() throws IOException {
    Path over = dir.resolve("over.png");
    Files.write(over, CraftedPng.rgbHeader(10_000, 5_001)); // 50,010,000 pixels
    assertRefused(over, "over the limit");
    Path under = dir.resolve("under.png");
    Files.write(under, CraftedPng.rgbHeader(10_000, 5_000)); // exactly 50,000,000: passes the gate
    assertEquals(new ImageDecoder.Header("png", 10_000, 5_000), ImageDecoder.readHeader(under));
  }

  @Test
  void truncatedPngIsRefused() throws IOException {
    byte[] whole = Files.readAllBytes(write(noisyRgb(64, 64, 2), "png", "whole.png"));
    Path file = dir.resolve("truncated.png");
    Files.write(file, Arrays.copyOf(whole, whole.length / 2));
    assertRefused(file, "corrupt, truncated or unsupported png image");
  }

  @Test
  void truncatedJpegIsRefused() throws IOException {
    byte[] whole = Files.readAllBytes(write(noisyRgb(64, 64, 3), "jpeg", "whole.jpg"));
    Path file = dir.resolve("truncated.jpg");
    Files.write(file, Arrays.copyOf(whole, whole.length / 2));
    assertRefused(file);
  }

  @Test
  void corruptPixelDataIsRefused() throws IOException {
    byte[] bytes = Files.readAllBytes(write(noisyRgb(64, 64, 4), "png", "good.png"));
    for (int k = 100; k < bytes.length - 20; k += 7) {
      bytes[k] ^= 0x5A; // scramble the compressed pixel data, leaving the header intact
    }
    Path file = dir.resolve("scrambled.png");
    Files.write(file, bytes);
    assertRefused(file, "png");
  }

  @Test
  void otherFormatsAndNonImagesAreRefusedByContent() throws IOException {
    Path text = dir.resolve("notes.png");
    Files.writeString(text, "this is not an image\n");
    assertRefused(text, "is not a PNG or JPEG image");
    Path empty = dir.resolve("empty.png");
    Files.write(empty, new byte[0]);
    assertRefused(empty, "is not a PNG or JPEG image");
    Path bmp = write(noisyRgb(4, 4, 5), "bmp", "picture.png");
    assertRefused(bmp, "is not a PNG or JPEG image");
    Path gif = write(noisyRgb(4, 4, 6), "gif", "picture.jpg");
    assertRefused(gif, "is not a PNG or JPEG image");
    assertRefused(dir.resolve("missing.png"), "no such file");
    assertRefused(dir, "is not a regular file");
  }

  @Test
  void slowDecodeIsStoppedAtTheDeadline() throws IOException {
    Path file = write(noisyRgb(256, 256, 7), "png", "slow.png");
    BadImageException e =
        assertThrows(BadImageException.class, () -> ImageDecoder.read(file, Duration.ofNanos(1)));
    assertTrue(e.getMessage().contains("longer than 0 ms"), e.getMessage());
    assertEquals(Shape.of(3, 256, 256), ImageDecoder.read(file).shape()); // the default is ample
  }

  @Test
  void emptyDeclaredSizeIsRefused() throws IOException {
    Path file = dir.resolve("zero.png");
    Files.write(file, CraftedPng.rgbHeader(0, 10));
    assertRefused(file);
  }
}
