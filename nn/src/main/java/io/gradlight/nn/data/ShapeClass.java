package io.gradlight.nn.data;

import java.util.Locale;

/**
 * The classes of the {@link Shapes} data set, in label order: the label of a sample is the {@link
 * #ordinal()} of its class.
 *
 * <p>Each class is a region of the plane in <em>unit coordinates</em> {@code (u, v)}: centred on
 * the origin and lying inside the unit disk, so that a shape drawn with radius {@code r} fits in a
 * circle of radius {@code r} pixels. The classes are chosen so that outline and topology, not
 * colour or size, tell them apart: filled round (circle), hollow round (ring), round with a bite
 * (crescent), two lobes and a point (heart), and polygons with 3, 4, 5 (star) and 4 arms (cross).
 */
public enum ShapeClass {
  /** A filled disk of radius 0.85. */
  CIRCLE {
    @Override
    public boolean contains(double u, double v) {
      return u * u + v * v <= 0.85 * 0.85;
    }
  },
  /** A filled square of half-side 0.7 (its corners lie at radius 0.99). */
  SQUARE {
    @Override
    public boolean contains(double u, double v) {
      return Math.abs(u) <= 0.7 && Math.abs(v) <= 0.7;
    }
  },
  /** A filled equilateral triangle with circumradius 1. */
  TRIANGLE {
    @Override
    public boolean contains(double u, double v) {
      return insideRegularStar(u, v, 3, Math.cos(Math.PI / 3));
    }
  },
  /** A plus sign: two bars of half-length 0.92 and half-width 0.3. */
  CROSS {
    @Override
    public boolean contains(double u, double v) {
      double a = Math.abs(u);
      double b = Math.abs(v);
      return (a <= 0.3 && b <= 0.92) || (b <= 0.3 && a <= 0.92);
    }
  },
  /** A five-pointed star with outer radius 1 and inner radius 0.45. */
  STAR {
    @Override
    public boolean contains(double u, double v) {
      return insideRegularStar(u, v, 5, 0.45);
    }
  },
  /** An annulus between radii 0.5 and 0.9: the background shows through the hole. */
  RING {
    @Override
    public boolean contains(double u, double v) {
      double rr = u * u + v * v;
      return rr <= 0.9 * 0.9 && rr >= 0.5 * 0.5;
    }
  },
  /** The disk of radius 0.9 minus the disk of radius 0.75 centred at (0.45, 0). */
  CRESCENT {
    @Override
    public boolean contains(double u, double v) {
      double du = u - 0.45;
      return u * u + v * v <= 0.9 * 0.9 && du * du + v * v > 0.75 * 0.75;
    }
  },
  /**
   * The heart curve {@code (x^2 + y^2 - 1)^3 - x^2 y^3 <= 0}: it spans {@code x} in [-1.14, 1.14]
   * and {@code y} in [-1, 1.24] and fits the circle of radius 1.25 around {@code (0, 0.25)}, which
   * is moved to the origin and scaled by 0.78 (to radius 0.975).
   */
  HEART {
    @Override
    public boolean contains(double u, double v) {
      double x = u / 0.78;
      double y = v / 0.78 + 0.25;
      double q = x * x + y * y - 1;
      return q * q * q - x * x * y * y * y <= 0;
    }
  };

  /** The number of classes. */
  public static final int COUNT = values().length;

  /** Whether the point {@code (u, v)} in unit coordinates lies in this shape. */
  public abstract boolean contains(double u, double v);

  /** The lower-case name, as printed by the CLI: {@code "circle"}, {@code "star"}. */
  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The class with label {@code label}, or an exception naming the valid range. */
  public static ShapeClass ofLabel(int label) {
    if (label < 0 || label >= COUNT) {
      throw new IllegalArgumentException(
          "Shapes label " + label + " is out of range: expected 0 to " + (COUNT - 1));
    }
    return values()[label];
  }

  /** The class display names in label order. */
  public static String[] names() {
    String[] names = new String[COUNT];
    for (ShapeClass c : values()) {
      names[c.ordinal()] = c.displayName();
    }
    return names;
  }

  /**
   * Whether {@code (u, v)} lies in the regular star with {@code n} tips at radius 1 (one on the
   * positive u axis) and {@code n} inner vertices at radius {@code inner}, half-way between tips.
   * With {@code inner = cos(pi / n)} the inner vertices fall on the edges: a regular n-gon.
   *
   * <p>By symmetry the point is folded into the sector {@code [0, pi/n]} of polar angle; there the
   * star's boundary is the segment from the tip {@code A = (1, 0)} to the inner vertex {@code B =
   * inner (cos(pi/n), sin(pi/n))}, and the point is inside when it lies on the origin's side of the
   * line AB.
   */
  private static boolean insideRegularStar(double u, double v, int n, double inner) {
    double sector = 2 * Math.PI / n;
    double angle = Math.atan2(v, u);
    double phi = angle - sector * Math.floor(angle / sector); // in [0, sector)
    if (phi > sector / 2) {
      phi = sector - phi;
    }
    double rho = Math.hypot(u, v);
    double px = rho * Math.cos(phi);
    double py = rho * Math.sin(phi);
    double bx = inner * Math.cos(sector / 2);
    double by = inner * Math.sin(sector / 2);
    // Sign of the cross product (B - A) x (P - A): the origin gives (B - A) x (-A) = by > 0.
    double cross = (bx - 1) * py - by * (px - 1);
    return cross >= 0;
  }
}
