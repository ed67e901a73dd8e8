package io.gradlight.nn.data;

import java.util.SplittableRandom;

/**
 * The textured backgrounds of the {@link Shapes} data set: a muted base colour, smooth colour
 * noise, and (half of the time) soft stripes.
 *
 * <p>With {@code s} the image size and all draws uniform from {@code rng}:
 *
 * <ul>
 *   <li>base colour: hue in [0, 1), saturation in [0, 0.35], value in [0.3, 0.75];
 *   <li>noise: a {@value #NOISE_CELLS} x {@value #NOISE_CELLS} grid of cells whose corners hold a
 *       random offset per channel in [-{@value #NOISE_AMPLITUDE}, {@value #NOISE_AMPLITUDE}],
 *       blended across each cell with smoothstep weights {@code 3t^2 - 2t^3} (value noise);
 *   <li>stripes, with probability 1/2: {@code a sin(2 pi (x cos t + y sin t) / p + phase)} added to
 *       every channel, amplitude {@code a} in [0.04, 0.1], period {@code p} in [0.08 s, 0.2 s],
 *       direction {@code t} in [0, pi), phase in [0, 2 pi).
 * </ul>
 *
 * Components are clamped to [0, 1]. The periods are at least about 5 pixels at size 64, so sampling
 * the background once per pixel centre does not alias.
 */
final class Background {
  static final int NOISE_CELLS = 4;
  static final double NOISE_AMPLITUDE = 0.12;

  private Background() {}

  /** Paints a fresh background over the whole canvas. */
  static void paint(Canvas canvas, SplittableRandom rng) {
    int size = canvas.size();
    Rgb base = Rgb.fromHsv(rng.nextDouble(), rng.nextDouble(0, 0.35), rng.nextDouble(0.3, 0.75));
    int corners = NOISE_CELLS + 1;
    double[][] noise = new double[3][corners * corners];
    for (double[] channel : noise) {
      for (int k = 0; k < channel.length; k++) {
        channel[k] = rng.nextDouble(-NOISE_AMPLITUDE, NOISE_AMPLITUDE);
      }
    }
    boolean striped = rng.nextBoolean();
    double amplitude = rng.nextDouble(0.04, 0.1);
    double period = rng.nextDouble(0.08, 0.2) * size;
    double direction = rng.nextDouble(0, Math.PI);
    double phase = rng.nextDouble(0, 2 * Math.PI);
    double dirX = Math.cos(direction) / period;
    double dirY = Math.sin(direction) / period;
    double[] baseRgb = {base.r(), base.g(), base.b()};

    double[] value = new double[3];
    for (int row = 0; row < size; row++) {
      double gy = (row + 0.5) / size * NOISE_CELLS;
      for (int col = 0; col < size; col++) {
        double gx = (col + 0.5) / size * NOISE_CELLS;
        double stripe =
            striped ? amplitude * Math.sin(2 * Math.PI * (col * dirX + row * dirY) + phase) : 0;
        for (int c = 0; c < 3; c++) {
          value[c] = baseRgb[c] + smoothNoise(noise[c], corners, gx, gy) + stripe;
        }
        canvas.set(row, col, value[0], value[1], value[2]);
      }
    }
  }

  /** Value noise at grid position {@code (gx, gy)}: smoothstep blend of the cell's 4 corners. */
  private static double smoothNoise(double[] grid, int corners, double gx, double gy) {
    int cx = Math.min((int) gx, corners - 2);
    int cy = Math.min((int) gy, corners - 2);
    double tx = smoothstep(gx - cx);
    double ty = smoothstep(gy - cy);
    double top = grid[cy * corners + cx] * (1 - tx) + grid[cy * corners + cx + 1] * tx;
    double bottom =
        grid[(cy + 1) * corners + cx] * (1 - tx) + grid[(cy + 1) * corners + cx + 1] * tx;
    return top * (1 - ty) + bottom * ty;
  }

  private static double smoothstep(double t) {
    return t * t * (3 - 2 * t);
  }
}
