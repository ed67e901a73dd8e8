package io.gradlight.tensor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.gradlight.tensor.Shape;
import org.junit.jupiter.api.Test;

class FortranOrderTest {
  @Test
  void degenerateShapesAreTheIdentity() {
    assertArrayEquals(new int[] {0}, FortranOrder.sources(Shape.scalar()));
    assertArrayEquals(new int[] {0, 1, 2}, FortranOrder.sources(Shape.of(3)));
    assertArrayEquals(new int[0], FortranOrder.sources(Shape.of(2, 0, 3)));
  }

  @Test
  void matrixIsTransposedStorage() {
    // A 2x3 matrix stored by columns: a00 a10 a01 a11 a02 a12.
    assertArrayEquals(new int[] {0, 2, 4, 1, 3, 5}, FortranOrder.sources(Shape.of(2, 3)));
  }

  @Test
  void threeAxesFollowTheColumnMajorStrides() {
    int[] dims = {2, 3, 4};
    int[] from = FortranOrder.sources(Shape.of(dims));
    int i = 0;
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 3; b++) {
        for (int c = 0; c < 4; c++) {
          assertArrayEquals(new int[] {a + 2 * b + 6 * c}, new int[] {from[i++]});
        }
      }
    }
    assertArrayEquals(new long[] {10, 30, 20, 40},
        FortranOrder.toRowMajor(new long[] {10, 20, 30, 40}, Shape.of(2, 2)));
  }
}
