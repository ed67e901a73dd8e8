package io.gradlight.nn.zoo;

import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.NpyReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The PyTorch parity fixtures made by {@code scripts/make_nn_fixtures.py} (resources under {@code
 * fixtures/nn/}): an input, and per model its logits, gradients and names.
 */
public final class NnFixtures {
  /** The seed of the fixture weights. */
  public static final long SEED = 1234;
  /** The logit whose gradients the fixtures hold. */
  public static final int TARGET = 3;

  /** The class count of the fixture models. */
  public static final int CLASSES = 10;

  private NnFixtures() {}

  /** An {@code .npy} fixture (float64). */
  public static Tensor npy(String file) throws IOException {
    return NpyReader.tensor(path(file));
  }

  /** The lines of a text fixture. */
  static List<String> lines(String file) throws IOException {
    return Files.readAllLines(path(file));
  }

  private static Path path(String file) throws IOException {
    URL url = NnFixtures.class.getResource("/fixtures/nn/" + file);
    if (url == null) {
      throw new IOException("missing fixture fixtures/nn/" + file);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }
}
