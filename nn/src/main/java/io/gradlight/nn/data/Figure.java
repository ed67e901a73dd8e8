package io.gradlight.nn.data;

/**
 * A filled region of the image plane that a {@link Canvas} can draw, in pixel coordinates: x to the
 * right, y down, pixel {@code (i, j)} covering {@code [j, j+1) x [i, i+1)}.
 *
 * <p>A figure answers point queries and gives a bounding box; the canvas samples it on a fine grid
 * inside the box to get each pixel's coverage (anti-aliasing by supersampling).
 */
sealed interface Figure {

  /** Whether the point {@code (x, y)} lies in the figure. */
  boolean contains(double x, double y);

  /** A radius around {@link #centerX()}, {@link #centerY()} that encloses the whole figure. */
  double extent();

  /** The x coordinate of the centre of the enclosing circle. */
  double centerX();

  /** The y coordinate of the centre of the enclosing circle. */
  double centerY();

  /**
   * A {@link ShapeClass} drawn with its unit disk mapped to the circle of radius {@code radius}
   * around {@code (centerX, centerY)}, turned by {@code angle} radians (counter-clockwise in unit
   * coordinates, which appears clockwise on screen since y points down).
   */
  final class Placed implements Figure {
    private final ShapeClass shape;
    private final double centerX;
    private final double centerY;
    private final double radius;
    private final double cos;
    private final double sin;

    public Placed(ShapeClass shape, double centerX, double centerY, double radius, double angle) {
      if (!(radius > 0)) {
        throw new IllegalArgumentException("radius must be positive, got " + radius);
      }
      this.shape = shape;
      this.centerX = centerX;
      this.centerY = centerY;
      this.radius = radius;
      this.cos = Math.cos(angle);
      this.sin = Math.sin(angle);
    }

    @Override
    public boolean contains(double x, double y) {
      double dx = (x - centerX) / radius;
      double dy = (y - centerY) / radius;
      // Rotate the point by -angle into the shape's own frame.
      return shape.contains(cos * dx + sin * dy, -sin * dx + cos * dy);
    }

    @Override
    public double centerX() {
      return centerX;
    }

    @Override
    public double centerY() {
      return centerY;
    }

    @Override
    public double extent() {
      return radius;
    }
  }

  /** A filled ellipse with semi-axes {@code a} (along {@code angle}) and {@code b}. */
  final class Ellipse implements Figure {
    private final double centerX;
    private final double centerY;
    private final double a;
    private final double b;
    private final double cos;
    private final double sin;

    public Ellipse(double centerX, double centerY, double a, double b, double angle) {
      if (!(a > 0 && b > 0)) {
        throw new IllegalArgumentException(
            "ellipse semi-axes must be positive, got " + a + ", " + b);
      }
      this.centerX = centerX;
      this.centerY = centerY;
      this.a = a;
      this.b = b;
      this.cos = Math.cos(angle);
      this.sin = Math.sin(angle);
    }

    @Override
    public boolean contains(double x, double y) {
      double dx = x - centerX;
      double dy = y - centerY;
      double p = (cos * dx + sin * dy) / a;
      double q = (-sin * dx + cos * dy) / b;
      return p * p + q * q <= 1;
    }

    @Override
    public double centerX() {
      return centerX;
    }

    @Override
    public double centerY() {
      return centerY;
    }

    @Override
    public double extent() {
      return Math.max(a, b);
    }
  }

  /** A straight stroke from {@code (x0, y0)} to {@code (x1, y1)} with round caps. */
  record Stroke(double x0, double y0, double x1, double y1, double halfWidth) implements Figure {
    public Stroke {
      if (!(halfWidth > 0)) {
        throw new IllegalArgumentException("stroke half-width must be positive, got " + halfWidth);
      }
    }

    /** Distance from the point to the segment, compared with the half-width. */
    @Override
    public boolean contains(double x, double y) {
      double dx = x1 - x0;
      double dy = y1 - y0;
      double lengthSquared = dx * dx + dy * dy;
      double t = lengthSquared == 0 ? 0 : ((x - x0) * dx + (y - y0) * dy) / lengthSquared;
      t = Math.clamp(t, 0.0, 1.0);
      double ex = x - (x0 + t * dx);
      double ey = y - (y0 + t * dy);
      return ex * ex + ey * ey <= halfWidth * halfWidth;
    }

    @Override
    public double centerX() {
      return (x0 + x1) / 2;
    }

    @Override
    public double centerY() {
      return (y0 + y1) / 2;
    }

    @Override
    public double extent() {
      return Math.hypot(x1 - x0, y1 - y0) / 2 + halfWidth;
    }
  }

  /** An axis-aligned filled square of half-side {@code half}. */
  record Square(double centerX, double centerY, double half) implements Figure {
    public Square {
      if (!(half > 0)) {
        throw new IllegalArgumentException("square half-side must be positive, got " + half);
      }
    }

    @Override
    public boolean contains(double x, double y) {
      return Math.abs(x - centerX) <= half && Math.abs(y - centerY) <= half;
    }

    @Override
    public double extent() {
      return half * Math.sqrt(2);
    }
  }
}
