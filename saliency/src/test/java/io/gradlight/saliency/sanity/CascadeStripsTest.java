package io.gradlight.saliency.sanity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlight.nn.image.ImageDecoder;
import io.gradlight.saliency.render.Colormap;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CascadeStripsTest {
  @TempDir Path tmp;

  /** Two 4 x 5 images; maps whose value names their step: original 0.1, then 0.2 and 0.3. */
  private static MethodSanity method() {
    Similarity[] two = {new Similarity(0, 0, 0), new Similarity(0, 0, 0)};
    return new MethodSanity("gradcam++", maps(0.1), List.of(
        new SanityStep(SanityTest.CASCADING, "fc", two, maps(0.2)),
        new SanityStep(SanityTest.INDEPENDENT, "fc", two, maps(0.9)),
        new SanityStep(SanityTest.CASCADING, "features.0", two, maps(0.3))));
  }

  private static Tensor maps(double value) {
    return Tensor.full(DType.F32, Shape.of(2, 4, 5), value);
  }

  @Test
  void theStripIsTheImageThenTheColouredOriginalThenEachCascadingStep() {
    Tensor images = Tensor.full(DType.F32, Shape.of(2, 3, 4, 5), 0.5);
    Tensor strip = CascadeStrips.strip(method(), images, 1, Colormap.GRAY);
    int gap = CascadeStrips.GAP;
    assertEquals(Shape.of(3, 4, 4 * 5 + 3 * gap), strip.shape());
    double[] expected = {0.5, grey(0.1), grey(0.2), grey(0.3)};
    for (int c = 0; c < 3; c++) {
      for (int part = 0; part < 4; part++) {
        int left = part * (5 + gap);
        assertEquals(expected[part], strip.get(c, 2, left + 4), 1e-7, "part " + part);
        if (part < 3) {
          assertEquals(1, strip.get(c, 3, left + 5 + gap - 1), "gap after part " + part);
        }
      }
    }
    assertEquals(Shape.of(3, 4, 3 * 5 + 2 * gap),
        CascadeStrips.strip(method(), null, 0, Colormap.JET).shape());
  }

  /** The grey level the gray colormap gives {@code v}: 8 bits, rounded down. */
  private static double grey(double v) {
    return Math.floor(255 * v) / 255;
  }

  @Test
  void writesOnePngPerImageNamedAfterTheMethod() throws IOException {
    List<Path> files = CascadeStrips.write(method(), null, Colormap.GRAY, tmp.resolve("strips"));
    assertEquals(List.of(tmp.resolve("strips/cascade-gradcam++-0.png"),
        tmp.resolve("strips/cascade-gradcam++-1.png")), files);
    assertEquals(3 * 5 + 2 * CascadeStrips.GAP, ImageDecoder.readHeader(files.get(1)).width());
    assertEquals("a_b-c", CascadeStrips.fileStem("a/b-c"));
  }
}
