package io.gradlight.saliency.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.data.ShapesBatch;
import io.gradlight.nn.data.ShapesExport;
import io.gradlight.nn.image.PngWriter;
import io.gradlight.nn.image.Preprocessing;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageMaskFoldersTest {
  /** PNG stores 8 bits per channel. */
  private static final double PNG_ROUNDING = 0.5 / 255 + 1e-6;

  private static final int SIZE = 16;
  private static final int COUNT = 5;
  private static final long SEED = 9;

  @TempDir Path tmp;
  private Path dir;
  private final Preprocessing unit = Preprocessing.unitRange(SIZE);

  @BeforeEach
  void writeShapes() throws IOException {
    dir = tmp.resolve("shapes");
    ShapesExport.write(new Shapes(SIZE, false), COUNT, SEED, dir, n -> {});
  }

  @Test
  void readsImagesMasksAndLabelsAsWritten() throws IOException {
    EvaluationSet set = ImageMaskFolders.read(dir.resolve("images"), dir.resolve("masks"),
        dir.resolve("labels.csv"), unit, 0);
    ShapesBatch truth = new Shapes(SIZE, false).batch(0, COUNT, SEED);
    assertEquals(COUNT, set.count());
    assertArrayEquals(truth.labels(), set.labels());
    assertEquals(List.of("00000.png", "00001.png", "00002.png", "00003.png", "00004.png"),
        set.names());
    assertTrue(set.images().allClose(truth.images(), 0, PNG_ROUNDING));
    assertTrue(set.masks().allClose(truth.masks(), 0, 0));
  }

  @Test
  void withoutLabelsAndWithALimit() throws IOException {
    EvaluationSet set =
        ImageMaskFolders.read(dir.resolve("images"), dir.resolve("masks"), null, unit, 2);
    assertEquals(2, set.count());
    assertNull(set.labels());
  }

  @Test
  void resizesToTheModelsInputAndMatchesMasksByStem() throws IOException {
    Files.move(dir.resolve("images/00001.png"), dir.resolve("images/00001.jpeg"));
    EvaluationSet set = ImageMaskFolders.read(dir.resolve("images"), dir.resolve("masks"), null,
        Preprocessing.unitRange(2 * SIZE), 0);
    assertEquals(2 * SIZE, set.height());
    assertEquals(2 * SIZE, set.masks().dim(2));
    assertEquals("00001.jpeg", set.names().get(1));
    Tensor m = set.masks();
    assertTrue(m.eq(m.ge(ObjectMasks.INSIDE)).minValue() == 1, "masks are 0 and 1");
  }

  @Test
  void mismatchesAreErrorsNamingTheFiles() throws IOException {
    Path images = dir.resolve("images");
    Path masks = dir.resolve("masks");
    IOException noDir = assertThrows(IOException.class,
        () -> ImageMaskFolders.read(tmp.resolve("nowhere"), masks, null, unit, 0));
    assertTrue(noDir.getMessage().contains("no such images directory"), noDir.getMessage());

    Files.delete(masks.resolve("00003.png"));
    IOException noMask = assertThrows(IOException.class,
        () -> ImageMaskFolders.read(images, masks, null, unit, 0));
    assertTrue(noMask.getMessage().contains("no mask for 1 of 5 images (00003.png)"),
        noMask.getMessage());

    Files.write(masks.resolve("00003.png"),
        PngWriter.encodeGray(Tensor.zeros(DType.F32, SIZE + 1, SIZE)));
    IOException size = assertThrows(IOException.class,
        () -> ImageMaskFolders.read(images, masks, null, unit, 0));
    assertTrue(size.getMessage().contains("the mask is 16 x 17 pixels"), size.getMessage());

    Path csv = tmp.resolve("labels.csv");
    Files.write(csv, List.of("file,label,mask", "images/00000.png,1,masks/00000.png"));
    IOException noLabel = assertThrows(IOException.class,
        () -> ImageMaskFolders.read(images, masks, csv, unit, 1 + 1));
    assertTrue(noLabel.getMessage().contains("no label for 1 of 2 images (00001.png)"),
        noLabel.getMessage());
    Files.write(csv, List.of("name,class", "00000.png,1"));
    assertThrows(IOException.class, () -> ImageMaskFolders.read(images, masks, csv, unit, 1));
    Files.write(csv, List.of("file,label", "00000.png,cat"));
    assertThrows(IOException.class, () -> ImageMaskFolders.read(images, masks, csv, unit, 1));
  }
}
