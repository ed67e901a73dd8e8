package io.gradlight.nn.image;

import io.gradlight.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Writes tensors as 8-bit PNG files through {@code javax.imageio} (headless).
 *
 * <p>A value {@code v} in [0, 1] becomes the byte {@code round(255 v)}; values outside [0, 1] are
 * clamped; NaN is an error. The output depends only on the tensor: the same tensor gives the same
 * bytes (the PNG holds no time stamp). A file is written to a temporary sibling first and then
 * moved into place, so a failure never leaves a half-written PNG under the target name.
 */
public final class PngWriter {
  static {
    ImageIO.setUseCache(false); // no temporary files
  }

  private PngWriter() {}

  /** Writes an RGB image: {@code [3, H, W]}, F32 or F64, values in [0, 1]. */
  public static void writeRgb(Tensor image, Path file) throws IOException {
    writeAtomically(encodeRgb(image), file);
  }

  /** Writes a mask or grey image: {@code [H, W]}, values in [0, 1], as 8-bit greyscale. */
  public static void writeGray(Tensor mask, Path file) throws IOException {
    writeAtomically(encodeGray(mask), file);
  }

  /** The PNG file's bytes for an RGB image, as {@link #writeRgb} writes them. */
  public static byte[] encodeRgb(Tensor image) {
    return encode(toImage(image));
  }

  /** The PNG file's bytes for a grey image, as {@link #writeGray} writes them. */
  public static byte[] encodeGray(Tensor mask) {
    if (mask.rank() != 2) {
      throw new IllegalArgumentException("a grey image must be [H, W], got " + mask.shape());
    }
    int h = mask.dim(0);
    int w = mask.dim(1);
    double[] values = mask.toDoubleArray();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster raster = out.getRaster();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        raster.setSample(x, y, 0, toByte(values[y * w + x], y, x));
      }
    }
    return encode(out);
  }

  /** The RGB image {@code [3, H, W]} (F32 or F64, values in [0, 1]) as a 24-bit image. */
  public static BufferedImage toImage(Tensor image) {
    if (image.rank() != 3 || image.dim(0) != 3) {
      throw new IllegalArgumentException("an RGB image must be [3, H, W], got " + image.shape());
    }
    int h = image.dim(1);
    int w = image.dim(2);
    double[] values = image.toDoubleArray();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int plane = h * w;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int at = y * w + x;
        int r = toByte(values[at], y, x);
        int g = toByte(values[plane + at], y, x);
        int b = toByte(values[2 * plane + at], y, x);
        out.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return out;
  }

  private static int toByte(double v, int y, int x) {
    if (Double.isNaN(v)) {
      throw new IllegalArgumentException("image holds NaN at row " + y + ", column " + x);
    }
    return (int) Math.round(Math.clamp(v, 0.0, 1.0) * 255);
  }

  private static byte[] encode(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", bytes)) {
        throw new IllegalStateException("this Java runtime has no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // unreachable: writing to memory
    }
    return bytes.toByteArray();
  }

  private static void writeAtomically(byte[] png, Path file) throws IOException {
    Path target = file.toAbsolutePath();
    Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".png");
    try {
      Files.write(temp, png);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
