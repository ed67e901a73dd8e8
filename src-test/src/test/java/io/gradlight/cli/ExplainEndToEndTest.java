package io.gradlight.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.image.PngWriter;
import io.gradlight.saliency.Methods;
import io.gradlight.saliency.render.Colormap;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.NpyReader;
import io.gradlight.tensor.io.NpyWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gradlight explain} end to end on the default model (shapesnet, 64x64): a generated
 * Shapes image as PNG, a batch of two, and an {@code .npy} tensor; the files it writes, their
 * shapes, and the exit codes of a bad method, layer or class.
 */
class ExplainEndToEndTest {
  @TempDir Path tmp;

  /** The exit code and what went to stdout and stderr. */
  private record Run(int code, String out, String err) {}

  private static Run explain(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] argv = new String[args.length + 1];
    argv[0] = "explain";
    System.arraycopy(args, 0, argv, 1, args.length);
    int code = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private Path shapesPng(int index) throws IOException {
    Path file = tmp.resolve("shape" + index + ".png");
    PngWriter.writeRgb(Shapes.standard().sample(index, 7).image(), file);
    return file;
  }

  @Test
  void everyMethodOnAShapesImageWritesAMapAnOverlayAndTheLogits() throws IOException {
    Path png = shapesPng(0);
    Path out = tmp.resolve("out");
    Run r = explain("--input", png.toString(), "--method", "all", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith(png + ": predicted class "), r.out());
    assertTrue(r.err().contains("random weights"), "says the weights are untrained: " + r.err());
    for (String id : Methods.ids()) {
      if (r.err().contains("skipped " + id + ":")) {
        continue; // a method that does not apply to shapesnet
      }
      assertTrue(r.out().contains("\n" + id + " "), id + " is reported: " + r.out());
      Tensor map = NpyReader.tensor(out.resolve(id + ".npy"));
      assertArrayEquals(new int[] {64, 64}, map.shape().dims(), id);
      assertTrue(map.minValue() >= 0 && map.maxValue() <= 1, id + " display map in [0, 1]");
      BufferedImage picture = ImageIO.read(out.resolve(id + ".png").toFile());
      assertEquals(64, picture.getWidth(), id);
      assertEquals(64, picture.getHeight(), id);
    }
    assertArrayEquals(new int[] {1, Shapes.classNames().length},
        NpyReader.tensor(out.resolve("logits.npy")).shape().dims());
  }

  @Test
  void aBatchOfTwoImagesGivesOneMapStackAndOnePicturePerImage() throws IOException {
    Path out = tmp.resolve("out");
    Run r = explain("--input", shapesPng(1).toString(), shapesPng(2).toString(), "--method",
        "guided-backprop,smoothgrad", "--seed", "3", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    for (String id : new String[] {"guided-backprop", "smoothgrad"}) {
      assertArrayEquals(new int[] {2, 64, 64},
          NpyReader.tensor(out.resolve(id + ".npy")).shape().dims());
      assertTrue(Files.isRegularFile(out.resolve(id + "_0.png")));
      assertTrue(Files.isRegularFile(out.resolve(id + "_1.png")));
      assertFalse(Files.exists(out.resolve(id + ".png")));
    }
  }

  @Test
  void aTensorInputIsTakenAsItIsAndDrawnAsAHeatMapAlone() throws IOException {
    Path npy = tmp.resolve("x.npy");
    NpyWriter.write(npy, Shapes.standard().sample(3, 7).image());
    Path out = tmp.resolve("out");
    Run r = explain("--input", npy.toString(), "--method", "gradient", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    Tensor map = NpyReader.tensor(out.resolve("gradient.npy"));
    BufferedImage picture = ImageIO.read(out.resolve("gradient.png").toFile());
    for (int[] at : new int[][] {{0, 0}, {31, 17}, {63, 40}}) {
      double[] rgb = Colormap.JET.entry(Colormap.index(map.get(at[0], at[1])));
      int expected = (round(rgb[0]) << 16) | (round(rgb[1]) << 8) | round(rgb[2]);
      assertEquals(expected, picture.getRGB(at[1], at[0]) & 0xFFFFFF, "pixel " + at[0] + ","
          + at[1]);
    }
    Run raw = explain("--input", npy.toString(), "--method", "gradient", "--raw", "--out",
        out.toString());
    assertEquals(0, raw.code(), raw.err());
    assertArrayEquals(new int[] {3, 64, 64},
        NpyReader.tensor(out.resolve("gradient.npy")).shape().dims());
  }

  private static int round(double channel) {
    return (int) Math.round(channel * 255);
  }

  @Test
  void badMethodLayerOrClassExitsWithTwoAndTheValidChoices() throws IOException {
    String png = shapesPng(4).toString();
    Path out = tmp.resolve("out");
    Run method = explain("--input", png, "--method", "gradcam-", "--out", out.toString());
    assertEquals(2, method.code());
    assertTrue(method.err().contains("expected one of " + String.join(", ", Methods.ids())),
        method.err());
    Run layer = explain("--input", png, "--layer", "layer4", "--out", out.toString());
    assertEquals(2, layer.code());
    assertTrue(layer.err().contains("features.14"), layer.err());
    Run clazz = explain("--input", png, "--class=-1", "--out", out.toString());
    assertEquals(2, clazz.code());
    assertTrue(clazz.err().contains("0 to 7"), clazz.err());
    assertFalse(Files.exists(out));
  }
}
