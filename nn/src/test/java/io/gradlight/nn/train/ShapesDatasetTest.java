package io.gradlight.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.data.ShapesSample;
import io.gradlight.tensor.kernels.Parallel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ShapesDatasetTest {
  private static final Shapes SMALL = new Shapes(Shapes.MIN_SIZE, false);

  @Test
  void batchHoldsTheRequestedImagesOfTheSeed() {
    ShapesDataset data = new ShapesDataset(SMALL, 20, 5);
    Batch b = data.batch(new int[] {13, 2});
    ShapesSample s13 = SMALL.sample(13, 5);
    ShapesSample s2 = SMALL.sample(2, 5);
    assertArrayEquals(new int[] {s13.label(), s2.label()}, b.labels());
    int image = 3 * Shapes.MIN_SIZE * Shapes.MIN_SIZE;
    float[] pixels = b.inputs().f32();
    assertArrayEquals(s13.image().f32(), Arrays.copyOfRange(pixels, 0, image));
    assertArrayEquals(s2.image().f32(), Arrays.copyOfRange(pixels, image, 2 * image));
  }

  @Test
  void inMemoryEqualsRenderingEveryIndexAndIgnoresThreadCount() throws Exception {
    ShapesDataset data = new ShapesDataset(SMALL, 9, 11);
    int[] all = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    Batch rendered = Parallel.withThreads(1, () -> data.batch(all));
    Batch cached = data.inMemory().batch(all);
    assertEquals(9, data.size());
    assertArrayEquals(rendered.labels(), cached.labels());
    assertArrayEquals(rendered.inputs().f32(), cached.inputs().f32());
  }
}
