package io.gradlight.saliency.metrics;

import io.gradlight.saliency.SaliencyMap;
import io.gradlight.tensor.Resize;
import io.gradlight.tensor.Tensor;

/**
 * Relevance mass accuracy (Arras, Osman and Samek, "CLEVR-XAI", Information Fusion 2022): the
 * share of the positive relevance that lies inside the object mask,
 *
 * <pre>
 *   mass = sum_{p in mask} R+(p) / sum_p R+(p),   R+ = max(R, 0)
 * </pre>
 *
 * <p>computed on the method's <b>raw</b> relevance, not the display map (which takes {@code |.|}
 * of input gradients and shifts each map by its minimum, so negative evidence would count as
 * relevance). {@link #relevance} brings a raw map to the input resolution: input-gradient maps
 * {@code [N, C, H, W]} are summed over channels (sum pooling, one of the poolings the paper
 * compares, before the positive part); layer-resolution maps {@code [N, h, w]} take their
 * positive part and are resized bilinearly with half-pixel centres, as the display pipeline does.
 * An empty mask gives NaN (skipped in means); a map without positive relevance scores 0.
 */
public final class RelevanceMass {
  private RelevanceMass() {}

  /**
   * Per image, the mass in [0, 1].
   *
   * @param relevance {@code [N, H, W]} at the masks' resolution, signed or not
   * @param masks {@code [N, H, W]} object masks (see {@link ObjectMasks})
   */
  public static double[] of(Tensor relevance, Tensor masks) {
    ObjectMasks.checkMapsAndMasks(relevance, masks);
    int n = relevance.dim(0);
    int hw = relevance.dim(1) * relevance.dim(2);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      boolean[] inside = ObjectMasks.inside(masks, i);
      if (ObjectMasks.boundingBox(inside, relevance.dim(1), relevance.dim(2)) == null) {
        out[i] = Double.NaN;
        continue;
      }
      double[] r = relevance.slice(0, i, i + 1).toDoubleArray();
      double in = 0;
      double total = 0;
      for (int p = 0; p < hw; p++) {
        double positive = Math.max(r[p], 0);
        total += positive;
        if (inside[p]) {
          in += positive;
        }
      }
      out[i] = total > 0 ? in / total : 0;
    }
    return out;
  }

  /**
   * A map's raw relevance at {@code height x width}, {@code [N, H, W]}: the channel sum of an
   * input-gradient map, or the positive part of a layer map resized bilinearly.
   */
  public static Tensor relevance(SaliencyMap map, int height, int width) {
    Tensor raw = map.raw();
    if (raw.rank() == 4) {
      Tensor summed = raw.sum(new int[] {1}, false);
      checkSize(summed, height, width, map.method());
      return summed;
    }
    if (raw.rank() != 3) {
      throw new IllegalArgumentException("relevance mass: the raw map of " + map.method()
          + " should be [N, h, w] or [N, C, H, W], got " + raw.shape());
    }
    if (raw.dim(1) == height && raw.dim(2) == width) {
      return raw;
    }
    Tensor positive = raw.relu().unsqueeze(1);
    return Resize.bilinear(positive, height, width, false).reshape(raw.dim(0), height, width);
  }

  private static void checkSize(Tensor m, int height, int width, String method) {
    if (m.dim(1) != height || m.dim(2) != width) {
      throw new IllegalArgumentException("relevance mass: the raw map of " + method + " is "
          + m.dim(1) + " x " + m.dim(2) + " but the input is " + height + " x " + width);
    }
  }
}
