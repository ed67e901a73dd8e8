package io.gradlight.nn.data;

import io.gradlight.nn.image.PngWriter;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.kernels.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Writes images of the {@link Shapes} data set to a directory as PNG files, for people and other
 * tools. The layout, with {@code NNNNN} the zero-padded image index:
 *
 * <pre>
 *   DIR/images/NNNNN.png   the RGB image
 *   DIR/masks/NNNNN.png    the object mask, 8-bit grey: 255 on the object, 0 elsewhere
 *   DIR/cues/NNNNN.png     the Clever-Hans cue mask (Clever-Hans variant only)
 *   DIR/labels.csv         header "file,label,mask" (",cue_mask" added in the Clever-Hans
 *                          variant), then one row per image: paths relative to DIR, the label
 *                          as the class index
 *   DIR/classes.txt        the class names, one per line, in label order
 * </pre>
 *
 * <p>All or nothing: everything is written into a fresh temporary directory beside {@code DIR},
 * which is renamed to {@code DIR} at the end; on any failure it is deleted. {@code DIR} must not
 * exist, or be an empty directory. The bytes written depend only on the arguments.
 */
public final class ShapesExport {
  /** Images rendered and written per step (progress is reported after each). */
  private static final int CHUNK = 64;

  private ShapesExport() {}

  /** What was written. */
  public record Summary(Path dir, int count, int[] perClass) {
    public Summary {
      perClass = perClass.clone();
    }

    @Override
    public int[] perClass() {
      return perClass.clone();
    }
  }

  /**
   * Writes images {@code 0 .. count-1} of {@code shapes} for {@code seed} to {@code dir}, calling
   * {@code progress} with the number of images written so far after each step.
   */
  public static Summary write(Shapes shapes, int count, long seed, Path dir, IntConsumer progress)
      throws IOException {
    if (count < 1) {
      throw new IllegalArgumentException("image count must be at least 1, got " + count);
    }
    Path target = dir.toAbsolutePath().normalize();
    checkTarget(target);
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
    try {
      int[] perClass = writeAll(shapes, count, seed, temp, progress);
      checkTarget(target); // it may have appeared meanwhile
      Files.deleteIfExists(target); // only ever an empty directory here
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      return new Summary(target, count, perClass);
    } finally {
      deleteRecursively(temp);
    }
  }

  private static void checkTarget(Path target) throws IOException {
    if (Files.isDirectory(target)) {
      try (Stream<Path> entries = Files.list(target)) {
        if (entries.findAny().isPresent()) {
          throw new FileAlreadyExistsException(
              target.toString(), null, "already exists and is not empty; choose a new directory");
        }
      }
    } else if (Files.exists(target)) {
      throw new FileAlreadyExistsException(
          target.toString(), null, "exists and is not a directory");
    }
  }

  private static int[] writeAll(Shapes shapes, int count, long seed, Path dir, IntConsumer progress)
      throws IOException {
    boolean cues = shapes.cleverHans();
    Files.createDirectory(dir.resolve("images"));
    Files.createDirectory(dir.resolve("masks"));
    if (cues) {
      Files.createDirectory(dir.resolve("cues"));
    }
    String format = "%0" + Math.max(5, String.valueOf(count - 1).length()) + "d.png";
    List<String> rows = new ArrayList<>(count + 1);
    rows.add(cues ? "file,label,mask,cue_mask" : "file,label,mask");
    int[] perClass = new int[ShapeClass.COUNT];
    for (int start = 0; start < count; start += CHUNK) {
      int n = Math.min(CHUNK, count - start);
      ShapesBatch batch = shapes.batch(start, n, seed);
      int[] labels = batch.labels();
      int first = start;
      try {
        Parallel.forEach(
            n,
            i -> {
              String name = String.format(format, first + i);
              try {
                // The whole directory is temporary: no need for a temporary file per PNG.
                Files.write(
                    dir.resolve("images").resolve(name),
                    PngWriter.encodeRgb(slice(batch.images(), i)));
                Files.write(
                    dir.resolve("masks").resolve(name),
                    PngWriter.encodeGray(slice(batch.masks(), i)));
                if (cues) {
                  Files.write(
                      dir.resolve("cues").resolve(name),
                      PngWriter.encodeGray(slice(batch.cueMasks(), i)));
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      for (int i = 0; i < n; i++) {
        String name = String.format(format, start + i);
        perClass[labels[i]]++;
        rows.add(
            "images/" + name + "," + labels[i] + ",masks/" + name + (cues ? ",cues/" + name : ""));
      }
      progress.accept(start + n);
    }
    Files.write(dir.resolve("labels.csv"), rows, StandardCharsets.UTF_8);
    Files.write(dir.resolve("classes.txt"), List.of(Shapes.classNames()), StandardCharsets.UTF_8);
    return perClass;
  }

  /** Item {@code i} along the first axis of a stacked tensor. */
  private static Tensor slice(Tensor stacked, int i) {
    int[] dims = stacked.shape().dims();
    int[] itemDims = Arrays.copyOfRange(dims, 1, dims.length);
    return stacked.slice(0, i, i + 1).reshape(itemDims);
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
