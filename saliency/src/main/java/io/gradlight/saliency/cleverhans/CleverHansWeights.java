package io.gradlight.saliency.cleverhans;

import io.gradlight.nn.train.Checkpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The shipped weights of a shapesnet that cheats: trained on Shapes images carrying the Clever-Hans
 * cue (a coloured square whose colour and corner give the label away), a class-path resource of 0.4
 * MB, so the demo needs no training run.
 *
 * <p>They were made by gradlight itself with {@value #COMMAND}. Training is deterministic: the same
 * gradlight gives the same weights bit for bit on any thread count (a later change of a kernel's
 * rounding may move the last bits, not the behaviour). The recipe is in the file's metadata (key
 * {@code gradlight.recipe}). Two epochs on 2,000 images: enough to learn the cue (over 90% training
 * accuracy), too little to learn the shapes (chance-level accuracy on clean held-out images).
 */
public final class CleverHansWeights {
  /** The class-path resource. */
  public static final String RESOURCE =
      "/io/gradlight/saliency/cleverhans/shapesnet-cleverhans.safetensors";

  /** The command that trained the shipped weights (from the repository root). */
  public static final String COMMAND =
      "./gradlight train --clever-hans --train-count 2000 --epochs 2 --batch 64 --lr 0.05"
          + " --optimizer sgd --seed 1 --held-out 400 --out saliency/src/main/resources"
          + RESOURCE;

  private CleverHansWeights() {}

  /** The shipped checkpoint. */
  public static Checkpoint checkpoint() throws IOException {
    try (InputStream in = CleverHansWeights.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + RESOURCE + " is missing from the build");
      }
      Path copy = Files.createTempFile("gradlight-cleverhans-", ".safetensors");
      try {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        return Checkpoint.load(copy);
      } finally {
        Files.deleteIfExists(copy);
      }
    }
  }
}
