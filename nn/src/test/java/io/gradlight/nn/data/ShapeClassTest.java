package io.gradlight.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeClassTest {
  /** Grid points per axis over [-1.1, 1.1] for area integrals. */
  private static final int GRID = 1100;

  private static final double AREA_TOLERANCE = 0.01;

  /** The area of the class in unit coordinates by the midpoint rule on a fine grid. */
  private static double area(ShapeClass shape) {
    double step = 2.2 / GRID;
    int inside = 0;
    for (int i = 0; i < GRID; i++) {
      for (int j = 0; j < GRID; j++) {
        if (shape.contains(-1.1 + (i + 0.5) * step, -1.1 + (j + 0.5) * step)) {
          inside++;
        }
      }
    }
    return inside * step * step;
  }

  @Test
  void everyClassLiesInTheUnitDisk() {
    for (ShapeClass shape : ShapeClass.values()) {
      for (int k = 0; k < 3600; k++) {
        double angle = 2 * Math.PI * k / 3600;
        for (double r : new double[] {1.0001, 1.05, 1.5}) {
          assertFalse(
              shape.contains(r * Math.cos(angle), r * Math.sin(angle)),
              shape + " reaches radius " + r + " at angle " + angle);
        }
      }
    }
  }

  @Test
  void areasMatchTheirGeometry() {
    assertEquals(Math.PI * 0.85 * 0.85, area(ShapeClass.CIRCLE), AREA_TOLERANCE);
    assertEquals(1.4 * 1.4, area(ShapeClass.SQUARE), AREA_TOLERANCE);
    // Equilateral triangle with circumradius 1: side sqrt(3), area (3 sqrt(3) / 4).
    assertEquals(3 * Math.sqrt(3) / 4, area(ShapeClass.TRIANGLE), AREA_TOLERANCE);
    // Two 1.84 x 0.6 bars overlapping in a 0.6 x 0.6 square.
    assertEquals(2 * 1.84 * 0.6 - 0.36, area(ShapeClass.CROSS), AREA_TOLERANCE);
    // Ten triangles (origin, tip, inner vertex) with sides 1 and 0.45 at angle pi / 5.
    assertEquals(10 * 0.5 * 0.45 * Math.sin(Math.PI / 5), area(ShapeClass.STAR), AREA_TOLERANCE);
    assertEquals(Math.PI * (0.81 - 0.25), area(ShapeClass.RING), AREA_TOLERANCE);
  }

  @Test
  void curvedClassesHaveSubstantialArea() {
    // No closed form used here: only that the crescent and heart are neither slivers nor disks.
    for (ShapeClass shape : List.of(ShapeClass.CRESCENT, ShapeClass.HEART)) {
      double fraction = area(shape) / Math.PI;
      assertTrue(fraction > 0.2 && fraction < 0.8, shape + " covers " + fraction + " of the disk");
    }
  }

  @Test
  void starHasFivePointsAndTriangleThree() {
    // Walking round a circle of radius 0.8, count the runs of points inside.
    assertEquals(5, runsInsideAtRadius(ShapeClass.STAR, 0.8));
    assertEquals(3, runsInsideAtRadius(ShapeClass.TRIANGLE, 0.8));
    assertEquals(4, runsInsideAtRadius(ShapeClass.CROSS, 0.8));
    assertEquals(4, runsInsideAtRadius(ShapeClass.SQUARE, 0.85));
  }

  private static int runsInsideAtRadius(ShapeClass shape, double r) {
    int runs = 0;
    int steps = 7200;
    boolean previous = shape.contains(r, 0);
    for (int k = 1; k <= steps; k++) {
      double angle = 2 * Math.PI * k / steps;
      boolean now = shape.contains(r * Math.cos(angle), r * Math.sin(angle));
      if (now && !previous) {
        runs++;
      }
      previous = now;
    }
    return runs;
  }

  @Test
  void labelsAndNames() {
    assertEquals(ShapeClass.values().length, ShapeClass.COUNT);
    assertTrue(ShapeClass.COUNT >= 6);
    String[] names = ShapeClass.names();
    assertEquals(ShapeClass.COUNT, new HashSet<>(List.of(names)).size());
    for (ShapeClass c : ShapeClass.values()) {
      assertEquals(c, ShapeClass.ofLabel(c.ordinal()));
      assertEquals(c.displayName(), names[c.ordinal()]);
    }
    assertArrayEquals(names, Shapes.classNames());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ShapeClass.ofLabel(ShapeClass.COUNT));
    assertTrue(e.getMessage().contains(String.valueOf(ShapeClass.COUNT)), e.getMessage());
  }
}
