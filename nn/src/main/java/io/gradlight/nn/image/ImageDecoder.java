package io.gradlight.nn.image;

import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads PNG and JPEG files into RGB tensors, defensively: a hostile or broken file gives a {@link
 * BadImageException} with one line naming the file, never an {@code OutOfMemoryError}, a hang or an
 * unchecked exception.
 *
 * <p>The checks, in order, before any pixel is decoded:
 *
 * <ol>
 *   <li>the file is a regular, readable file of at most {@value #MAX_FILE_BYTES} bytes;
 *   <li>its first bytes are the PNG signature {@code 89 50 4E 47 0D 0A 1A 0A} or the JPEG start
 *       {@code FF D8 FF}; every other format is refused (this keeps out the BMP, GIF and TIFF
 *       readers and their history of decoder bugs), whatever the file name says;
 *   <li>the width and height declared in the header (read by {@link ImageReader#getWidth} without
 *       decoding) are positive and their product is at most {@value #MAX_PIXELS} pixels.
 * </ol>
 *
 * Decoding then runs under a deadline of {@link #DECODE_DEADLINE} (a legal progressive JPEG can
 * take very long), and a decoder warning (such as a JPEG that ends early, which the JPEG reader
 * would otherwise fill with grey) counts as a corrupt file, as in Pillow.
 *
 * <h2>Channels</h2>
 *
 * The result always has three channels, converted as Pillow's {@code Image.convert("RGB")} does (so
 * torchvision pipelines compare): grey is repeated into R, G and B; an alpha channel is dropped
 * (not composited); palette images take their palette colours. 8-bit samples become {@code v /
 * 255f}, as in torchvision's {@code ToTensor}; 16-bit samples become {@code v / 65535f} (Pillow
 * would first cut them to 8 bits). Colour spaces other than sRGB and grey (for example an embedded
 * ICC profile) are converted to sRGB by Java2D.
 *
 * <p>Memory: a decoded image costs 3 to 8 bytes per pixel and the tensor 12 more; resizing it
 * ({@link Preprocessing}) works on a double-precision copy, 24 more. So the largest accepted image
 * needs about 2.5 GB of heap on its way to a model, a typical photo (12 Mpx) about 600 MB.
 */
public final class ImageDecoder {
  /** The most pixels (width times height) an image may declare. */
  public static final long MAX_PIXELS = 50_000_000L;

  /** The largest file accepted, in bytes (256 MiB). */
  public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  /** The longest a decode may take. */
  public static final Duration DECODE_DEADLINE = Duration.ofSeconds(10);

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

  static {
    ImageIO.setUseCache(false); // no temporary files
  }

  private ImageDecoder() {}

  /** What the header of an image file declares. */
  public record Header(String format, int width, int height) {}

  /**
   * Reads the format and declared size of an image without decoding its pixels, after the same
   * checks as {@link #read} (file size, format signature, pixel count).
   */
  public static Header readHeader(Path file) throws BadImageException {
    return withReader(file, (reader, header) -> header);
  }

  /**
   * Decodes a PNG or JPEG file into an F32 tensor {@code [3, H, W]} with values in [0, 1] (channel
   * conversion as described above).
   */
  public static Tensor read(Path file) throws BadImageException {
    return read(file, DECODE_DEADLINE);
  }

  /** {@link #read(Path)} with another decode deadline. */
  static Tensor read(Path file, Duration deadline) throws BadImageException {
    return withReader(file, (reader, header) -> toTensor(decode(reader, file, deadline)));
  }

  private interface ReaderAction<T> {
    T apply(ImageReader reader, Header header) throws IOException;
  }

  private static <T> T withReader(Path file, ReaderAction<T> action) throws BadImageException {
    String format = sniffFormat(file);
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new BadImageException(file, "cannot be opened for reading");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
      if (!readers.hasNext()) {
        throw new BadImageException(file, "this Java runtime has no " + format + " reader");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
          throw new BadImageException(
              file, format + " header declares an empty image of " + width + " x " + height);
        }
        if ((long) width * height > MAX_PIXELS) {
          throw new BadImageException(
              file,
              String.format(
                  "%s header declares %d x %d = %,d pixels, over the limit of %,d",
                  format, width, height, (long) width * height, MAX_PIXELS));
        }
        return action.apply(reader, new Header(format, width, height));
      } finally {
        reader.dispose();
      }
    } catch (BadImageException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new BadImageException(
          file, "corrupt, truncated or unsupported " + format + " image (" + describe(e) + ")", e);
    }
  }

  /** Checks the file and its first bytes; returns the ImageIO format name. */
  private static String sniffFormat(Path file) throws BadImageException {
    if (!Files.isRegularFile(file)) {
      throw new BadImageException(
          file, Files.exists(file) ? "is not a regular file" : "no such file");
    }
    byte[] head;
    try {
      long bytes = Files.size(file);
      if (bytes > MAX_FILE_BYTES) {
        throw new BadImageException(
            file,
            String.format(
                "is %,d bytes, over the limit of %,d for an image", bytes, MAX_FILE_BYTES));
      }
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(PNG_SIGNATURE.length);
      }
    } catch (BadImageException e) {
      throw e;
    } catch (IOException e) {
      throw new BadImageException(file, "cannot be read (" + describe(e) + ")", e);
    }
    if (startsWith(head, PNG_SIGNATURE)) {
      return "png";
    }
    if (startsWith(head, JPEG_START)) {
      return "jpeg";
    }
    throw new BadImageException(
        file, "is not a PNG or JPEG image (only those two formats are read)");
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    if (data.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Decodes image 0 under the deadline, treating decoder warnings as errors. */
  private static BufferedImage decode(ImageReader reader, Path file, Duration deadline)
      throws IOException {
    List<String> warnings = new ArrayList<>();
    IIOReadWarningListener listener = (source, warning) -> warnings.add(warning);
    reader.addIIOReadWarningListener(listener);
    // The watchdog stops a decode that overruns; the clock below decides, whoever wins the race.
    Thread watchdog =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    Thread.sleep(deadline);
                    reader.abort();
                  } catch (InterruptedException e) {
                    // The decode finished first: nothing to do.
                  }
                });
    long start = System.nanoTime();
    BufferedImage image;
    try {
      image = reader.read(0, reader.getDefaultReadParam());
    } catch (IOException | RuntimeException e) {
      checkDeadline(file, start, deadline); // an aborted read may fail rather than return
      throw e;
    } finally {
      watchdog.interrupt();
    }
    checkDeadline(file, start, deadline);
    if (!warnings.isEmpty()) {
      throw new BadImageException(
          file, "damaged image (the decoder warned: " + oneLine(warnings.get(0)) + ")");
    }
    if (image == null) {
      throw new BadImageException(file, "the decoder returned no image");
    }
    return image;
  }

  private static void checkDeadline(Path file, long start, Duration deadline)
      throws BadImageException {
    if (System.nanoTime() - start > deadline.toNanos()) {
      throw new BadImageException(
          file, "decoding took longer than " + deadline.toMillis() + " ms and was stopped");
    }
  }

  /** The image as F32 {@code [3, H, W]} in [0, 1], channels converted as the class describes. */
  static Tensor toTensor(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int plane = w * h;
    float[] out = new float[3 * plane];
    ColorModel model = image.getColorModel();
    Raster raster = image.getRaster();
    int colourComponents = model.getNumColorComponents();
    int spaceType = model.getColorSpace().getType();
    int[] row = new int[w];
    if (model instanceof IndexColorModel palette) {
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y, w, 1, 0, row);
        for (int x = 0; x < w; x++) {
          int at = y * w + x;
          out[at] = palette.getRed(row[x]) / 255f;
          out[plane + at] = palette.getGreen(row[x]) / 255f;
          out[2 * plane + at] = palette.getBlue(row[x]) / 255f;
        }
      }
    } else if (spaceType == ColorSpace.TYPE_GRAY && colourComponents == 1) {
      float max = maxSample(model, 0);
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y, w, 1, 0, row);
        for (int x = 0; x < w; x++) {
          float v = row[x] / max;
          int at = y * w + x;
          out[at] = v;
          out[plane + at] = v;
          out[2 * plane + at] = v;
        }
      }
    } else if (model.getColorSpace().isCS_sRGB() && colourComponents == 3) {
      for (int c = 0; c < 3; c++) {
        float max = maxSample(model, c);
        for (int y = 0; y < h; y++) {
          raster.getSamples(0, y, w, 1, c, row);
          for (int x = 0; x < w; x++) {
            out[c * plane + y * w + x] = row[x] / max;
          }
        }
      }
    } else {
      for (int y = 0; y < h; y++) {
        image.getRGB(0, y, w, 1, row, 0, w);
        for (int x = 0; x < w; x++) {
          int at = y * w + x;
          out[at] = ((row[x] >> 16) & 0xFF) / 255f;
          out[plane + at] = ((row[x] >> 8) & 0xFF) / 255f;
          out[2 * plane + at] = (row[x] & 0xFF) / 255f;
        }
      }
    }
    return Tensor.wrap(out, Shape.of(3, h, w));
  }

  /**
   * The largest sample of component {@code c}, {@code 2^bits - 1}. Samples are divided by it (not
   * multiplied by its reciprocal) so that 8-bit values give exactly {@code v / 255f}, as
   * torchvision's {@code ToTensor} does.
   */
  private static float maxSample(ColorModel model, int c) {
    return (1 << model.getComponentSize(c)) - 1;
  }

  /** The messages of an exception and its causes, joined on one line. */
  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (text.indexOf(message) < 0) {
        text.append(text.isEmpty() ? "" : ": ").append(message);
      }
    }
    return oneLine(text.toString());
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
