package io.gradlight.saliency.render;

import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.Arrays;
import java.util.Locale;

/**
 * A colormap as a 256-entry RGB lookup table: entry {@code i} is the colour of {@code i / 255},
 * as in matplotlib's tables ({@code cmap(np.linspace(0, 1, 256))}); the sources are in
 * {@link ColormapData}. A value {@code v} in [0, 1] takes entry {@code floor(255 v)}, which is
 * what pytorch-grad-cam's {@code show_cam_on_image} does ({@code np.uint8(255 * mask)} before
 * OpenCV's {@code applyColorMap}); values outside [0, 1] are clamped, NaN is an error.
 *
 * <p>Always RGB. (OpenCV's maps are BGR unless asked otherwise, the cause of pytorch-grad-cam's
 * "inverted colours" issues #114, #123 and #270; its {@code COLORMAP_JET} is also a slightly
 * different jet from matplotlib's, which gradlight follows.)
 */
public enum Colormap {
  /** matplotlib's jet: blue, cyan, yellow, red; the CAM literature's usual map. */
  JET("jet"),
  /** matplotlib's perceptually uniform viridis: dark purple to yellow. */
  VIRIDIS("viridis"),
  /** matplotlib's perceptually uniform inferno: black, purple, orange, pale yellow. */
  INFERNO("inferno"),
  /** Black to white. */
  GRAY("gray");

  /** The number of table entries. */
  public static final int SIZE = 256;

  private final String id;
  private final float[] table = new float[3 * SIZE]; // r, g, b of each entry

  Colormap(String id) {
    this.id = id;
    for (int i = 0; i < SIZE; i++) {
      double[] c = colour(id, i / (SIZE - 1.0));
      for (int ch = 0; ch < 3; ch++) {
        table[3 * i + ch] = (float) c[ch];
      }
    }
  }

  /** The name on the command line: {@code jet}, {@code viridis}, {@code inferno}, {@code gray}. */
  public String id() {
    return id;
  }

  /** The colormap named {@code id}; the message lists the valid names. */
  public static Colormap fromId(String id) {
    for (Colormap c : values()) {
      if (c.id.equals(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown colormap '" + id + "'; expected one of "
        + String.join(", ", Arrays.stream(values()).map(Colormap::id).toList()));
  }

  /** Table entry {@code i} ({@code 0 .. 255}) as {@code {r, g, b}} in [0, 1]. */
  public double[] entry(int i) {
    if (i < 0 || i >= SIZE) {
      throw new IllegalArgumentException("colormap entry " + i + " is not in 0 .. " + (SIZE - 1));
    }
    return new double[] {table[3 * i], table[3 * i + 1], table[3 * i + 2]};
  }

  /** The table entry a value takes: {@code floor(255 clamp(v, 0, 1))}. */
  public static int index(double v) {
    if (Double.isNaN(v)) {
      throw new IllegalArgumentException("cannot colour NaN");
    }
    return (int) Math.floor((SIZE - 1) * Math.clamp(v, 0.0, 1.0));
  }

  /** A map {@code [H, W]} with values in [0, 1] as an F32 RGB image {@code [3, H, W]}. */
  public Tensor apply(Tensor map) {
    if (map.rank() != 2) {
      throw new IllegalArgumentException(id + ": a map to colour must be [H, W], got "
          + map.shape());
    }
    double[] v = map.toDoubleArray();
    int plane = v.length;
    float[] rgb = new float[3 * plane];
    for (int p = 0; p < plane; p++) {
      int i = index(v[p]);
      for (int ch = 0; ch < 3; ch++) {
        rgb[ch * plane + p] = table[3 * i + ch];
      }
    }
    return Tensor.wrap(rgb, Shape.of(3, map.dim(0), map.dim(1)));
  }

  private static double[] colour(String id, double x) {
    return switch (id) {
      case "jet" -> new double[] {
          segments(ColormapData.JET_RED, x),
          segments(ColormapData.JET_GREEN, x),
          segments(ColormapData.JET_BLUE, x)};
      case "viridis" -> evenlySpaced(ColormapData.VIRIDIS, x);
      case "inferno" -> evenlySpaced(ColormapData.INFERNO, x);
      case "gray" -> new double[] {x, x, x};
      default -> throw new IllegalStateException(id.toUpperCase(Locale.ROOT) + " has no data");
    };
  }

  /** The piecewise-linear function through {@code {x, value}} points at {@code x}. */
  private static double segments(double[][] points, double x) {
    for (int k = 1; k < points.length; k++) {
      if (x <= points[k][0]) {
        double t = (x - points[k - 1][0]) / (points[k][0] - points[k - 1][0]);
        return points[k - 1][1] + t * (points[k][1] - points[k - 1][1]);
      }
    }
    return points[points.length - 1][1];
  }

  /** Linear interpolation between colours placed at {@code k / (n - 1)}. */
  private static double[] evenlySpaced(double[][] colours, double x) {
    double at = x * (colours.length - 1);
    int k = Math.min((int) Math.floor(at), colours.length - 2);
    double t = at - k;
    double[] c = new double[3];
    for (int ch = 0; ch < 3; ch++) {
      c[ch] = colours[k][ch] + t * (colours[k + 1][ch] - colours[k][ch]);
    }
    return c;
  }
}
