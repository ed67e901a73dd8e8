package io.gradlight.saliency.metrics;

import io.gradlight.tensor.Tensor;

/**
 * The energy-based pointing game of Score-CAM (Wang et al., CVPR Workshops 2020, section 5.1.2):
 * the share of the map's energy that falls inside the object's <b>bounding box</b> (the paper's
 * ground truth is a box; here the box is the tightest one around the object mask):
 *
 * <pre>
 *   proportion = sum_{(i,j) in box} L(i,j) / sum_{(i,j)} L(i,j),   L = max(map, 0)
 * </pre>
 *
 * <p>The map is the display map (in [0, 1] after the min-max, so {@code max(., 0)} changes nothing
 * there; it only guards other maps). An empty mask gives NaN (skipped in means); a map with no
 * energy points nowhere and scores 0. {@link RelevanceMass} is the same ratio on the object mask
 * itself with the method's raw relevance.
 */
public final class EnergyPointingGame {
  private EnergyPointingGame() {}

  /**
   * Per image, the proportion in [0, 1].
   *
   * @param maps {@code [N, H, W]} at the masks' resolution
   * @param masks {@code [N, H, W]} object masks (see {@link ObjectMasks})
   */
  public static double[] proportions(Tensor maps, Tensor masks) {
    ObjectMasks.checkMapsAndMasks(maps, masks);
    int n = maps.dim(0);
    int h = maps.dim(1);
    int w = maps.dim(2);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      int[] box = ObjectMasks.boundingBox(ObjectMasks.inside(masks, i), h, w);
      if (box == null) {
        out[i] = Double.NaN;
        continue;
      }
      double[] m = maps.slice(0, i, i + 1).toDoubleArray();
      double inside = 0;
      double total = 0;
      for (int r = 0; r < h; r++) {
        for (int c = 0; c < w; c++) {
          double e = Math.max(m[r * w + c], 0);
          total += e;
          if (r >= box[0] && r < box[2] && c >= box[1] && c < box[3]) {
            inside += e;
          }
        }
      }
      out[i] = total > 0 ? inside / total : 0;
    }
    return out;
  }
}
