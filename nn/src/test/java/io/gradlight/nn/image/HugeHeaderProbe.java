package io.gradlight.nn.image;

import java.nio.file.Path;

/**
 * Run in a child JVM with a small heap by {@link ImageDecoderTest}: decodes the file named by the
 * first argument and prints the outcome on one line ({@code refused: <message>} or {@code
 * decoded}). An {@code OutOfMemoryError} escapes and fails the child, which the test sees.
 */
final class HugeHeaderProbe {
  private HugeHeaderProbe() {}

  public static void main(String[] args) {
    try {
      ImageDecoder.read(Path.of(args[0]));
      System.out.println("decoded");
    } catch (BadImageException e) {
      System.out.println("refused: " + e.getMessage());
    }
  }
}
