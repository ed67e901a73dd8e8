package io.gradlight.saliency.sanity;

import io.gradlight.nn.image.PngWriter;
import io.gradlight.saliency.render.Colormap;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pictures of the cascading randomisation: for each image a strip of its display maps side by
 * side, the trained model's first, then one per cascading step (the top group re-initialised,
 * then one more group, down to the input), as Figure 2 of Adebayo et al. (2018) lays them out.
 * Maps are coloured by a {@link Colormap} and separated by {@value #GAP} white pixels; the input
 * image, when given, comes first.
 */
public final class CascadeStrips {
  /** The white gap between two pictures, in pixels. */
  public static final int GAP = 2;

  private CascadeStrips() {}

  /**
   * The strip of image {@code n}: {@code [3, H, W']} in [0, 1].
   *
   * @param images the input images {@code [N, 3, H, W]} in [0, 1], or null to leave them out
   */
  public static Tensor strip(MethodSanity m, Tensor images, int n, Colormap colormap) {
    List<Tensor> parts = new ArrayList<>();
    if (images != null) {
      parts.add(images.slice(0, n, n + 1).reshape(3, images.dim(2), images.dim(3))
          .to(DType.F32));
    }
    parts.add(colour(m.original(), n, colormap));
    for (SanityStep s : m.steps(SanityTest.CASCADING)) {
      parts.add(colour(s.display(), n, colormap));
    }
    List<Tensor> spaced = new ArrayList<>();
    for (Tensor p : parts) {
      if (!spaced.isEmpty()) {
        spaced.add(Tensor.ones(p.dtype(), 3, p.dim(1), GAP));
      }
      spaced.add(p);
    }
    return Tensor.concat(2, spaced.toArray(Tensor[]::new));
  }

  /**
   * Writes one PNG strip per image as {@code dir/cascade-<method>-<n>.png} and returns the files.
   *
   * @param images the input images {@code [N, 3, H, W]} in [0, 1], or null
   */
  public static List<Path> write(MethodSanity m, Tensor images, Colormap colormap, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (int n = 0; n < m.original().dim(0); n++) {
      Path file = dir.resolve("cascade-" + fileStem(m.method()) + "-" + n + ".png");
      PngWriter.writeRgb(strip(m, images, n, colormap), file);
      files.add(file);
    }
    return files;
  }

  /** A method id as a file name: letters, digits, {@code +} and {@code -} kept, others _. */
  static String fileStem(String id) {
    return id.replaceAll("[^A-Za-z0-9+-]", "_");
  }

  /** Display map {@code n} of {@code [N, H, W]} as an F32 RGB picture {@code [3, H, W]}. */
  private static Tensor colour(Tensor display, int n, Colormap colormap) {
    return colormap.apply(display.slice(0, n, n + 1).reshape(display.dim(1), display.dim(2)));
  }
}
