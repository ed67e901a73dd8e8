package io.gradlight.demo;

import io.gradlight.nn.image.PngWriter;
import io.gradlight.saliency.render.Colormap;
import io.gradlight.saliency.render.Overlay;
import io.gradlight.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the pictures of a gallery into its directory and returns them as {@link Block.Picture}s
 * (relative paths): model inputs, and display maps overlaid on their image with the jet colormap
 * ({@link Overlay#onImage}) or alone.
 */
public final class Pictures {
  /** The colormap of every heat map in the gallery. */
  public static final Colormap COLORMAP = Colormap.JET;

  private final Path dir;

  /** Pictures under {@code dir}, the gallery's directory. */
  public Pictures(Path dir) {
    this.dir = dir;
  }

  /** Writes the image {@code [3, H, W]} in [0, 1] to {@code file} (relative to the gallery). */
  public Block.Picture image(Tensor image, String file, String caption) {
    return write(PngWriter.encodeRgb(image), file, caption);
  }

  /** Writes the display map {@code [H, W]} over {@code image} {@code [3, H, W]}. */
  public Block.Picture overlay(Tensor map, Tensor image, String file, String caption) {
    return write(PngWriter.encodeRgb(Overlay.onImage(map, image, COLORMAP)), file, caption);
  }

  /** Writes the display map {@code [H, W]} alone, coloured. */
  public Block.Picture heat(Tensor map, String file, String caption) {
    return write(PngWriter.encodeRgb(Overlay.heat(map, COLORMAP)), file, caption);
  }

  private Block.Picture write(byte[] png, String file, String caption) {
    Block.Picture picture = new Block.Picture(file, caption);
    Path path = dir.resolve(file);
    try {
      Files.createDirectories(path.getParent());
      Files.write(path, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return picture;
  }
}
