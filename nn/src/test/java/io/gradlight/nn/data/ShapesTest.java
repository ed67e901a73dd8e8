package io.gradlight.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.Shape;
import io.gradlight.tensor.kernels.Parallel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ShapesTest {
  private static final int S = Shapes.DEFAULT_SIZE;
  private static final int PLANE = S * S;

  /** Least luminance gap between the object and the pixels just around it, per image. */
  private static final double MIN_EDGE_CONTRAST = 0.1;

  @Test
  void sameSeedGivesIdenticalPixelsWhateverTheThreadCount() throws Exception {
    ShapesBatch one = Parallel.withThreads(1, () -> Shapes.batch(24, 42));
    ShapesBatch two = Parallel.withThreads(2, () -> Shapes.batch(24, 42));
    assertArrayEquals(one.images().f32(), two.images().f32());
    assertArrayEquals(one.masks().f32(), two.masks().f32());
    assertArrayEquals(one.labels(), two.labels());
  }

  @Test
  void batchesAreWindowsOfOneSequence() {
    Shapes shapes = Shapes.standard();
    ShapesBatch all = shapes.batch(0, 12, 5);
    ShapesBatch window = shapes.batch(5, 4, 5);
    assertArrayEquals(
        Arrays.copyOfRange(all.images().f32(), 5 * 3 * PLANE, 9 * 3 * PLANE),
        window.images().f32());
    assertArrayEquals(Arrays.copyOfRange(all.labels(), 5, 9), window.labels());
    ShapesSample seven = shapes.sample(7, 5);
    assertArrayEquals(
        Arrays.copyOfRange(all.images().f32(), 7 * 3 * PLANE, 8 * 3 * PLANE), seven.image().f32());
    assertArrayEquals(
        Arrays.copyOfRange(all.masks().f32(), 7 * PLANE, 8 * PLANE), seven.mask().f32());
    assertEquals(all.labels()[7], seven.label());
    assertEquals(Shapes.label(7, 5), seven.label());
  }

  @Test
  void differentSeedsGiveDifferentImages() {
    float[] a = Shapes.batch(4, 1).images().f32();
    float[] b = Shapes.batch(4, 2).images().f32();
    for (int i = 0; i < 4; i++) {
      int from = i * 3 * PLANE;
      assertFalse(
          Arrays.equals(a, from, from + 3 * PLANE, b, from, from + 3 * PLANE), "image " + i);
    }
  }

  @Test
  void labelsAreBalanced() {
    int k = ShapeClass.COUNT;
    int[] aligned = new int[k];
    for (int index = 0; index < 30 * k; index++) {
      aligned[Shapes.label(index, 9)]++;
    }
    int[] expected = new int[k];
    Arrays.fill(expected, 30);
    assertArrayEquals(expected, aligned);

    // Any window: every class within one of count / k, since only the two end blocks are partial.
    int start = 3;
    int count = 101;
    int[] window = new int[k];
    for (int label : Shapes.standard().batch(start, count, 9).labels()) {
      window[label]++;
    }
    for (int c = 0; c < k; c++) {
      assertTrue(Math.abs(window[c] - (double) count / k) <= 2, "class " + c + ": " + window[c]);
    }
    // Labels inside a block are shuffled, not in class order.
    assertFalse(Arrays.equals(Shapes.batch(k, 9).labels(), Shapes.batch(k, 10).labels()));
  }

  @Test
  void masksAreBinaryAndAsLargeAsTheShapeGeometrySays() {
    ShapesBatch batch = Shapes.batch(96, 3);
    float[] masks = batch.masks().f32();
    // Radii are drawn from [0.2 s, 0.34 s]: bound the pixel area by the unit areas of the classes.
    double smallest = Double.MAX_VALUE;
    double largest = 0;
    for (ShapeClass c : ShapeClass.values()) {
      smallest = Math.min(smallest, unitArea(c));
      largest = Math.max(largest, unitArea(c));
    }
    double minArea = 0.9 * smallest * Math.pow(0.2 * S, 2);
    double maxArea = 1.1 * largest * Math.pow(0.34 * S, 2);
    int maxSpan = (int) Math.ceil(2 * 0.34 * S) + 1;
    for (int i = 0; i < batch.count(); i++) {
      int area = 0;
      int top = S;
      int bottom = -1;
      int left = S;
      int right = -1;
      for (int y = 0; y < S; y++) {
        for (int x = 0; x < S; x++) {
          float m = masks[i * PLANE + y * S + x];
          assertTrue(m == 0 || m == 1, "mask value " + m);
          if (m == 1) {
            area++;
            top = Math.min(top, y);
            bottom = Math.max(bottom, y);
            left = Math.min(left, x);
            right = Math.max(right, x);
          }
        }
      }
      assertTrue(area > minArea && area < maxArea, "image " + i + " mask area " + area);
      assertTrue(bottom - top < maxSpan && right - left < maxSpan, "image " + i + " mask span");
    }
    for (float c : batch.cueMasks().f32()) {
      assertEquals(0, c);
    }
  }

  /** The area of a class in unit coordinates, by the midpoint rule on a 400 x 400 grid. */
  private static double unitArea(ShapeClass shape) {
    int n = 400;
    double step = 2.0 / n;
    int inside = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        inside += shape.contains(-1 + (i + 0.5) * step, -1 + (j + 0.5) * step) ? 1 : 0;
      }
    }
    return inside * step * step;
  }

  @Test
  void objectStandsOutFromItsSurroundings() {
    ShapesBatch batch = Shapes.batch(96, 4);
    float[] images = batch.images().f32();
    float[] masks = batch.masks().f32();
    for (int i = 0; i < batch.count(); i++) {
      double inside = 0;
      double outside = 0;
      int insideCount = 0;
      int outsideCount = 0;
      for (int y = 0; y < S; y++) {
        for (int x = 0; x < S; x++) {
          double lum = luminance(images, i, y, x);
          if (masks[i * PLANE + y * S + x] == 1) {
            inside += lum;
            insideCount++;
          } else if (nearMask(masks, i, y, x, 3)) {
            outside += lum;
            outsideCount++;
          }
        }
      }
      double gap = Math.abs(inside / insideCount - outside / outsideCount);
      assertTrue(gap >= MIN_EDGE_CONTRAST, "image " + i + ": luminance gap " + gap);
    }
  }

  @Test
  void cleverHansAddsALabelCodedCueAndNothingElse() {
    int count = 2 * ShapeClass.COUNT;
    ShapesBatch plain = new Shapes(S, false).batch(0, count, 11);
    ShapesBatch cued = new Shapes(S, true).batch(0, count, 11);
    assertArrayEquals(plain.labels(), cued.labels());
    float[] cue = cued.cueMasks().f32();
    double[][] cueColour = new double[ShapeClass.COUNT][];
    for (int i = 0; i < count; i++) {
      int label = cued.labels()[i];
      int area = 0;
      double rowSum = 0;
      double colSum = 0;
      double[] colour = new double[3];
      for (int y = 0; y < S; y++) {
        for (int x = 0; x < S; x++) {
          int at = i * PLANE + y * S + x;
          if (cue[at] == 1) {
            area++;
            rowSum += y;
            colSum += x;
            for (int c = 0; c < 3; c++) {
              colour[c] += cued.images().f32()[(i * 3 + c) * PLANE + y * S + x];
            }
            assertEquals(0, cued.masks().f32()[at], "cue and object overlap in image " + i);
          } else if (!nearMask(cue, i, y, x, 1)) {
            for (int c = 0; c < 3; c++) {
              int k = (i * 3 + c) * PLANE + y * S + x;
              assertEquals(plain.images().f32()[k], cued.images().f32()[k], "image " + i);
            }
          }
        }
      }
      assertTrue(area > 0, "image " + i + " has no cue");
      // The corner is label mod 4: 0 top left, 1 top right, 2 bottom left, 3 bottom right.
      assertEquals(label % 2 == 1, colSum / area > S / 2.0, "cue column of label " + label);
      assertEquals(label % 4 >= 2, rowSum / area > S / 2.0, "cue row of label " + label);
      for (int c = 0; c < 3; c++) {
        colour[c] /= area;
      }
      if (cueColour[label] == null) {
        cueColour[label] = colour;
      } else {
        assertArrayEquals(cueColour[label], colour, "cue colour of label " + label);
      }
    }
    for (int a = 0; a < ShapeClass.COUNT; a++) {
      for (int b = a + 1; b < ShapeClass.COUNT; b++) {
        assertFalse(Arrays.equals(cueColour[a], cueColour[b]), "labels " + a + ", " + b);
      }
    }
  }

  @Test
  void sampleRecordsHaveTheDocumentedShapes() {
    ShapesSample sample = new Shapes(32, true).sample(0, 1);
    assertEquals(Shape.of(3, 32, 32), sample.image().shape());
    assertEquals(Shape.of(32, 32), sample.mask().shape());
    assertTrue(sample.hasCue());
    assertFalse(new Shapes(32, false).sample(0, 1).hasCue());
    for (float v : sample.image().f32()) {
      assertTrue(v >= 0 && v <= 1, "pixel " + v);
    }
    assertEquals(Shape.of(2, 3, 128, 128), new Shapes(128, false).batch(0, 2, 1).images().shape());
  }

  @Test
  void rejectsBadArguments() {
    IllegalArgumentException small =
        assertThrows(IllegalArgumentException.class, () -> new Shapes(15, false));
    assertTrue(small.getMessage().contains("15"), small.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Shapes.standard().batch(-1, 2, 0));
    assertThrows(IllegalArgumentException.class, () -> Shapes.standard().batch(0, -2, 0));
    assertThrows(
        IllegalArgumentException.class, () -> Shapes.standard().batch(Integer.MAX_VALUE, 2, 0));
    assertEquals(0, Shapes.batch(0, 1).count());
  }

  private static double luminance(float[] images, int i, int y, int x) {
    int at = i * 3 * PLANE + y * S + x;
    return Rgb.luminance(images[at], images[at + PLANE], images[at + 2 * PLANE]);
  }

  /** Whether a mask pixel lies within {@code radius} pixels (Chebyshev) of {@code (y, x)}. */
  private static boolean nearMask(float[] masks, int i, int y, int x, int radius) {
    for (int dy = -radius; dy <= radius; dy++) {
      for (int dx = -radius; dx <= radius; dx++) {
        int yy = y + dy;
        int xx = x + dx;
        if (yy >= 0 && yy < S && xx >= 0 && xx < S && masks[i * PLANE + yy * S + xx] == 1) {
          return true;
        }
      }
    }
    return false;
  }
}
