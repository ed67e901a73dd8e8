package io.gradlight.tensor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "No read allocates from an unchecked size": tiny files that claim enormous sizes are opened in
 * a child JVM with a 64 MB heap, which must reject them quickly with a format message instead of
 * dying of OutOfMemoryError.
 */
class SafetensorsFileMemoryTest {
  private static final long CLAIM = 1L << 60;

  @TempDir Path dir;

  @Test
  void hugeClaimsFailFastInASmallHeap() throws Exception {
    String header = "{\"huge\":{\"dtype\":\"U8\",\"shape\":[" + CLAIM + "],\"data_offsets\":[0,"
        + CLAIM + "]}}";
    Path hugeTensor = IoFixtures.write(dir, "tensor.safetensors",
        IoFixtures.safetensors(header, 0));
    Path hugeHeader = IoFixtures.write(dir, "header.safetensors",
        IoFixtures.safetensors(CLAIM, "{}", new byte[0]));

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx64m", "-cp",
        System.getProperty("java.class.path"), Child.class.getName(), hugeTensor.toString(),
        hugeHeader.toString())
        .redirectErrorStream(true).start();
    long start = System.nanoTime();
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM hung");
    double seconds = (System.nanoTime() - start) / 1e9;
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(0, child.exitValue(), output);
    assertTrue(output.contains(hugeTensor + ": offsets out of bounds: tensor \"huge\" "
        + "data_offsets [0, " + CLAIM + "] end past the 0-byte data section"), output);
    assertTrue(output.contains(hugeHeader + ": header length " + CLAIM
        + " exceeds the limit of 100000000 bytes"), output);
    assertTrue(seconds < 30, "took " + seconds + " s");
  }

  /** Opens each file given; prints the rejection, exits 3 if a file was accepted. */
  public static final class Child {
    private Child() {}

    public static void main(String[] args) throws IOException {
      for (String file : List.of(args)) {
        try (SafetensorsFile f = SafetensorsFile.open(Path.of(file))) {
          f.integers("huge");
          System.out.println("accepted " + file + " of " + Files.size(Path.of(file)) + " bytes");
          System.exit(3);
        } catch (FormatException e) {
          System.out.println(e.getMessage());
        }
      }
    }
  }
}
