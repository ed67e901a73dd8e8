package io.gradlight.cli;

import io.gradlight.nn.image.Preprocessing;
import io.gradlight.saliency.render.Overlay;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.NpyReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code --input} files of {@code gradlight explain} as one batch {@code [N, C, H, W]}, in
 * the order given: a PNG or JPEG file goes through the model's {@link Preprocessing} (one
 * image), an {@code .npy} file (recognised by its magic bytes) is taken as it is, {@code [C, H,
 * W]} as one image or {@code [N, C, H, W]} as N. Every image keeps its name and, for image files,
 * the picture to draw overlays on (the preprocessed input with its normalisation undone).
 */
final class ExplainInputs {
  private final Tensor batch;
  private final List<String> names;
  private final Tensor[] pictures; // null for tensor inputs

  private ExplainInputs(Tensor batch, List<String> names, Tensor[] pictures) {
    this.batch = batch;
    this.names = List.copyOf(names);
    this.pictures = pictures;
  }

  /** Loads {@code files} into one batch of {@code dtype}. */
  static ExplainInputs load(List<String> files, Preprocessing preprocessing, DType dtype)
      throws IOException, CliException {
    List<Tensor> parts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Tensor> pictures = new ArrayList<>();
    for (String file : files) {
      Path path = Path.of(file);
      if (isNpy(path)) {
        Tensor t = NpyReader.tensor(path);
        if (t.rank() == 3) {
          t = t.unsqueeze(0);
        }
        if (t.rank() != 4 || t.dim(0) < 1) {
          throw new CliException(file + ": expected a tensor [C, H, W] or [N, C, H, W], got "
              + t.shape());
        }
        for (int i = 0; i < t.dim(0); i++) {
          names.add(t.dim(0) == 1 ? file : file + "[" + i + "]");
          pictures.add(null);
        }
        parts.add(t.to(dtype));
      } else {
        Tensor x = preprocessing.load(path);
        names.add(file);
        pictures.add(Overlay.imageOf(x.squeeze(0), preprocessing));
        parts.add(x.to(dtype));
      }
    }
    checkSameImageShape(files, parts);
    Tensor batch =
        parts.size() == 1 ? parts.get(0) : Tensor.concat(0, parts.toArray(Tensor[]::new));
    return new ExplainInputs(batch, names, pictures.toArray(Tensor[]::new));
  }

  private static boolean isNpy(Path path) throws IOException, CliException {
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString());
    }
    if (!Files.isRegularFile(path)) {
      throw new CliException(path + ": is not a regular file");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return NpyReader.hasMagic(in.readNBytes(6));
    }
  }

  private static void checkSameImageShape(List<String> files, List<Tensor> parts)
      throws CliException {
    int[] first = Arrays.copyOfRange(parts.get(0).shape().dims(), 1, 4);
    for (int k = 1; k < parts.size(); k++) {
      int[] other = Arrays.copyOfRange(parts.get(k).shape().dims(), 1, 4);
      if (!Arrays.equals(first, other)) {
        throw new CliException("the inputs must have one image shape to form a batch: "
            + files.get(0) + " has [C, H, W] = " + Arrays.toString(first) + ", " + files.get(k)
            + " has " + Arrays.toString(other));
      }
    }
  }

  /** The batch {@code [N, C, H, W]}. */
  Tensor batch() {
    return batch;
  }

  /** The number of images N. */
  int size() {
    return names.size();
  }

  /** Image {@code i}'s name: its file, with {@code [k]} for images of a tensor batch. */
  String name(int i) {
    return names.get(i);
  }

  /** Image {@code i} as an RGB picture {@code [3, H, W]} in [0, 1], or null for a tensor input. */
  Tensor picture(int i) {
    return pictures[i];
  }
}
