package io.gradlight.saliency.sanity;

/**
 * The structural similarity index of Wang, Bovik, Sheikh and Simoncelli (IEEE TIP 2004) between
 * two maps of one size, computed as scikit-image's {@code structural_similarity} does by default:
 * a uniform {@code w x w} window ({@code w = 7} by default), sample (co)variances (divided by
 * {@code w^2 - 1}), and the mean of the local index over every window that lies wholly inside the
 * map (skimage crops the {@code (w - 1) / 2} border after filtering, which leaves exactly these).
 * For each window with means {@code mu_x, mu_y}, variances {@code s_x^2, s_y^2} and covariance
 * {@code s_xy}:
 *
 * <pre>
 *   SSIM = (2 mu_x mu_y + C1)(2 s_xy + C2) / ((mu_x^2 + mu_y^2 + C1)(s_x^2 + s_y^2 + C2))
 *   C1 = (K1 L)^2,  C2 = (K2 L)^2,  K1 = 0.01,  K2 = 0.03  (the paper's constants)
 * </pre>
 *
 * with the data range {@code L = 1}: the maps compared are display maps, in [0, 1]. Adebayo et
 * al. (2018, App. B) used skimage with window 5; {@link #Ssim(int)} takes any odd size.
 */
public final class Ssim {
  /** scikit-image's default window side. */
  public static final int DEFAULT_WINDOW = 7;

  /** Wang et al.'s K1. */
  public static final double K1 = 0.01;

  /** Wang et al.'s K2. */
  public static final double K2 = 0.03;

  /** The data range of display maps. */
  public static final double DATA_RANGE = 1;

  private static final double C1 = (K1 * DATA_RANGE) * (K1 * DATA_RANGE);
  private static final double C2 = (K2 * DATA_RANGE) * (K2 * DATA_RANGE);

  private final int window;

  /** SSIM with the default 7 x 7 uniform window. */
  public Ssim() {
    this(DEFAULT_WINDOW);
  }

  /** SSIM with a uniform {@code window x window} window; {@code window} odd and at least 3. */
  public Ssim(int window) {
    if (window < 3 || window % 2 == 0) {
      throw new IllegalArgumentException("SSIM window must be odd and at least 3, got " + window);
    }
    this.window = window;
  }

  public int window() {
    return window;
  }

  /** The mean SSIM of two {@code height x width} maps stored row by row. */
  public double of(double[] x, double[] y, int height, int width) {
    if (x.length != height * width || y.length != height * width) {
      throw new IllegalArgumentException("SSIM: maps of " + x.length + " and " + y.length
          + " values for a " + height + " x " + width + " map");
    }
    if (height < window || width < window) {
      throw new IllegalArgumentException("SSIM: a " + height + " x " + width + " map is smaller"
          + " than the " + window + " x " + window + " window");
    }
    double count = window * window;
    double covNorm = count / (count - 1);
    double total = 0;
    int windows = 0;
    for (int top = 0; top + window <= height; top++) {
      for (int left = 0; left + window <= width; left++) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = top; i < top + window; i++) {
          for (int j = left; j < left + window; j++) {
            double a = x[i * width + j];
            double b = y[i * width + j];
            sx += a;
            sy += b;
            sxx += a * a;
            syy += b * b;
            sxy += a * b;
          }
        }
        double mx = sx / count;
        double my = sy / count;
        double vx = covNorm * (sxx / count - mx * mx);
        double vy = covNorm * (syy / count - my * my);
        double vxy = covNorm * (sxy / count - mx * my);
        total += (2 * mx * my + C1) * (2 * vxy + C2) / ((mx * mx + my * my + C1) * (vx + vy + C2));
        windows++;
      }
    }
    return total / windows;
  }
}
