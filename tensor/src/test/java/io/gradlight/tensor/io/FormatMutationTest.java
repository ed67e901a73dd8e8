package io.gradlight.tensor.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small seeded fuzz of both readers: valid fixtures with random bytes changed, cut or appended
 * must either read or fail with a {@link FormatException}, never with another exception (index,
 * arithmetic, out-of-memory) or a hang.
 */
class FormatMutationTest {
  private static final int ROUNDS = 500;

  /** Characters that keep a mutated header plausible JSON or Python. */
  private static final String SYNTAX = "{}[](),:\"' 09-e.";

  @TempDir Path dir;

  @Test
  void mutatedSafetensorsFailOnlyWithFormatExceptions() throws IOException {
    byte[] valid = Files.readAllBytes(IoFixtures.fixture("safetensors/model.safetensors"));
    int rejected = fuzz(valid, "m.safetensors", p -> {
      try (SafetensorsFile f = SafetensorsFile.open(p)) {
        for (SafetensorsEntry e : f.entries()) {
          switch (e.dtype().kind()) {
            case FLOAT -> f.tensor(e.name());
            case INTEGER, BOOL -> f.integers(e.name());
            case LISTED_ONLY -> { }
          }
        }
      }
    });
    assertTrue(rejected > ROUNDS / 2, "most mutations are caught: " + rejected);
  }

  @Test
  void mutatedNpyFailOnlyWithFormatExceptions() throws IOException {
    byte[] valid = Files.readAllBytes(IoFixtures.fixture("npy/f4_2x3x4.npy"));
    int rejected = fuzz(valid, "m.npy", p -> {
      if (NpyReader.header(p).dtype().isFloat()) {
        NpyReader.tensor(p);
      } else {
        NpyReader.integers(p);
      }
    });
    assertTrue(rejected > ROUNDS / 4, "many mutations are caught: " + rejected);
  }

  @FunctionalInterface
  private interface Reader {
    void read(Path p) throws IOException;
  }

  /** Returns how many mutants were rejected; fails on any other throwable. */
  private int fuzz(byte[] valid, String name, Reader reader) throws IOException {
    SplittableRandom rng = new SplittableRandom(20261126);
    Path p = dir.resolve(name);
    int rejected = 0;
    for (int round = 0; round < ROUNDS; round++) {
      byte[] mutant = mutate(valid, rng);
      Files.write(p, mutant);
      try {
        reader.read(p);
      } catch (FormatException e) {
        rejected++;
      } catch (Throwable t) {
        throw new AssertionError("round " + round + ": " + t + " for bytes "
            + Arrays.toString(Arrays.copyOf(mutant, Math.min(mutant.length, 200))), t);
      }
    }
    return rejected;
  }

  /** Flips 1-3 bytes (mostly in the header), or cuts, or appends. */
  private static byte[] mutate(byte[] valid, SplittableRandom rng) {
    return switch (rng.nextInt(4)) {
      case 0 -> Arrays.copyOf(valid, rng.nextInt(valid.length));
      case 1 -> Arrays.copyOf(valid, valid.length + 1 + rng.nextInt(16));
      default -> {
        byte[] b = valid.clone();
        for (int k = 1 + rng.nextInt(3); k > 0; k--) {
          int at = rng.nextInt(Math.min(b.length, rng.nextBoolean() ? 256 : b.length));
          b[at] = (byte) (rng.nextBoolean() ? rng.nextInt(256)
              : SYNTAX.charAt(rng.nextInt(SYNTAX.length())));
        }
        yield b;
      }
    };
  }
}
