package io.gradlight.nn.train;

import io.gradlight.nn.Module;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The trained weights that ship inside gradlight as class-path resources, so that every command
 * works out of the box: {@code io/gradlight/nn/models/NAME.safetensors}, a {@link Checkpoint}.
 *
 * <p>Only {@code shapesnet} ships weights. They were made with {@code gradlight train --model
 * shapesnet} and its defaults (the recipe is in the file's metadata, key {@code
 * gradlight.recipe}, and the held-out accuracy under {@code gradlight.heldout_accuracy}).
 */
public final class ShippedWeights {
  private ShippedWeights() {}

  /** The class-path resource of {@code model}'s weights. */
  static String resource(String model) {
    return "/io/gradlight/nn/models/" + model + ".safetensors";
  }

  /** Whether trained weights ship for {@code model}. */
  public static boolean available(String model) {
    return ShippedWeights.class.getResource(resource(model)) != null;
  }

  /** The shipped checkpoint of {@code model}. */
  public static Checkpoint checkpoint(String model) throws IOException {
    try (InputStream in = ShippedWeights.class.getResourceAsStream(resource(model))) {
      if (in == null) {
        throw new IllegalArgumentException("no trained weights ship for '" + model
            + "' (only shapesnet's do); give a weights file");
      }
      Path copy = Files.createTempFile("gradlight-" + model + "-", ".safetensors");
      try {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        return Checkpoint.load(copy);
      } finally {
        Files.deleteIfExists(copy);
      }
    }
  }

  /** The trained {@code model} in evaluation mode. */
  public static Module model(String model) throws IOException {
    return checkpoint(model).newModel();
  }
}
