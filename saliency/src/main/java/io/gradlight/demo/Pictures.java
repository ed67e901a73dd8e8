package io.gradlight.demo;

import io.gradlight.nn.data.Shapes;
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

  /** Image {@code i} of a batch {@code [N, 3, H, W]} as {@code [3, H, W]}. */
  public static Tensor image(Tensor images, int i) {
    return images.slice(0, i, i + 1).reshape(3, images.dim(2), images.dim(3));
  }

  /** Map {@code i} of display maps {@code [N, H, W]} as {@code [H, W]}. */
  public static Tensor plane(Tensor maps, int i) {
    return maps.slice(0, i, i + 1).reshape(maps.dim(1), maps.dim(2));
  }

  /** The Shapes name of class {@code c}, or {@code class c} beyond the Shapes classes. */
  public static String className(int c) {
    String[] names = Shapes.classNames();
    return c < names.length ? names[c] : "class " + c;
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
