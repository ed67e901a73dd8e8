package io.gradlight.saliency.metrics;

import io.gradlight.nn.image.ImageDecoder;
import io.gradlight.nn.image.Preprocessing;
import io.gradlight.tensor.Resize;
import io.gradlight.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A user's own evaluation data: a directory of images (PNG or JPEG), a directory of object masks
 * matched by file name ({@code images/cat.jpg} takes {@code masks/cat.jpg}, else {@code
 * masks/cat.png}), and optionally a labels CSV with a header naming the columns {@code file} and
 * {@code label} (as {@code gradlight dataset} writes {@code file,label,mask}), matched by the file
 * name of its {@code file} column. Images are read in name order.
 *
 * <p>Each image goes through the model's {@link Preprocessing} (resize, normalise); its mask must
 * have the image's size, is averaged over channels, resized the same way and thresholded at {@link
 * ObjectMasks#INSIDE} to 0 and 1. Every mismatch is an {@link IOException} naming the files.
 */
public final class ImageMaskFolders {
  private static final int NAMES_SHOWN = 3;

  private ImageMaskFolders() {}

  /**
   * Reads at most {@code limit} images (all when {@code limit <= 0}) with their masks and labels.
   *
   * @param labels the labels CSV, or null to leave the labels unknown (top-1 is explained)
   */
  public static EvaluationSet read(
      Path images, Path masks, Path labels, Preprocessing preprocessing, int limit)
      throws IOException {
    List<Path> files = imageFiles(images);
    if (limit > 0 && files.size() > limit) {
      files = files.subList(0, limit);
    }
    List<Path> maskFiles = matchMasks(files, masks);
    int[] labelOf = labels == null ? null : matchLabels(files, labels);

    List<Tensor> x = new ArrayList<>();
    List<Tensor> m = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Tensor rgb = ImageDecoder.read(files.get(i));
      Tensor mask = ImageDecoder.read(maskFiles.get(i));
      if (mask.dim(1) != rgb.dim(1) || mask.dim(2) != rgb.dim(2)) {
        throw new IOException(maskFiles.get(i) + ": the mask is " + mask.dim(2) + " x "
            + mask.dim(1) + " pixels but its image " + files.get(i).getFileName() + " is "
            + rgb.dim(2) + " x " + rgb.dim(1));
      }
      x.add(preprocessing.apply(rgb));
      m.add(binarise(mask, preprocessing.height(), preprocessing.width()));
      names.add(files.get(i).getFileName().toString());
    }
    return new EvaluationSet(Tensor.concat(0, x.toArray(Tensor[]::new)),
        Tensor.concat(0, m.toArray(Tensor[]::new)), labelOf, names);
  }

  private static List<Path> imageFiles(Path dir) throws IOException {
    checkDirectory(dir, "images");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).filter(ImageMaskFolders::isImageName).sorted()
          .toList();
    }
    if (files.isEmpty()) {
      throw new IOException(dir + ": no PNG or JPEG images in the directory");
    }
    return files;
  }

  private static List<Path> matchMasks(List<Path> files, Path dir) throws IOException {
    checkDirectory(dir, "masks");
    List<Path> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      Path same = dir.resolve(name);
      Path png = dir.resolve(stem(name) + ".png");
      if (Files.isRegularFile(same)) {
        found.add(same);
      } else if (Files.isRegularFile(png)) {
        found.add(png);
      } else {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IOException(dir + ": no mask for " + missing.size() + " of " + files.size()
          + " images (" + shown(missing) + "); a mask has its image's file name, or its stem"
          + " with .png");
    }
    return found;
  }

  private static int[] matchLabels(List<Path> files, Path csv) throws IOException {
    if (!Files.isRegularFile(csv)) {
      throw new NoSuchFileException(csv.toString());
    }
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(csv + ": empty; expected a header with the columns file and label");
    }
    List<String> header = List.of(lines.get(0).strip().split(",", -1));
    int fileColumn = header.indexOf("file");
    int labelColumn = header.indexOf("label");
    if (fileColumn < 0 || labelColumn < 0) {
      throw new IOException(csv + ": the header " + lines.get(0).strip()
          + " lacks the columns file and label");
    }
    Map<String, Integer> byName = new HashMap<>();
    for (int row = 1; row < lines.size(); row++) {
      String line = lines.get(row).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != header.size()) {
        throw new IOException(csv + ":" + (row + 1) + ": " + cells.length + " cells, expected "
            + header.size());
      }
      String name = Path.of(cells[fileColumn].strip()).getFileName().toString();
      int label;
      try {
        label = Integer.parseInt(cells[labelColumn].strip());
      } catch (NumberFormatException e) {
        throw new IOException(csv + ":" + (row + 1) + ": the label '" + cells[labelColumn]
            + "' is not a class index");
      }
      if (label < 0) {
        throw new IOException(csv + ":" + (row + 1) + ": negative label " + label);
      }
      if (byName.put(name, label) != null) {
        throw new IOException(csv + ":" + (row + 1) + ": a second row for " + name);
      }
    }
    int[] labels = new int[files.size()];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Integer label = byName.get(files.get(i).getFileName().toString());
      if (label == null) {
        missing.add(files.get(i).getFileName().toString());
      } else {
        labels[i] = label;
      }
    }
    if (!missing.isEmpty()) {
      throw new IOException(csv + ": no label for " + missing.size() + " of " + files.size()
          + " images (" + shown(missing) + "); rows are matched by the file name in column file");
    }
    return labels;
  }

  /** A mask {@code [3, H, W]} to {@code [1, height, width]} of 0 and 1. */
  private static Tensor binarise(Tensor mask, int height, int width) {
    Tensor grey = mask.mean(new int[] {0}, true).unsqueeze(0);
    if (grey.dim(2) != height || grey.dim(3) != width) {
      grey = Resize.bilinear(grey, height, width, false);
    }
    return grey.ge(ObjectMasks.INSIDE).reshape(1, height, width);
  }

  private static void checkDirectory(Path dir, String what) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + ": no such " + what + " directory");
    }
  }

  private static boolean isImageName(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
  }

  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String shown(List<String> names) {
    String first = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())));
    return names.size() > NAMES_SHOWN ? first + ", ..." : first;
  }
}
