package io.gradlight.saliency;

import io.gradlight.tensor.Resize;
import io.gradlight.tensor.Tensor;

/**
 * The display form of a raw map, gradlight's one pipeline for every method (pytorch-grad-cam's
 * order, so maps compare):
 *
 * <ol>
 *   <li>input-gradient maps {@code [N, C, H, W]} first take {@code max_c |raw|} (or the signed
 *       channel sum where a method says so), giving {@code [N, H, W]};
 *   <li>the method's ReLU, when it has one ({@code relu = true} for every CAM method);
 *   <li>per image, min-max: {@code (m - min) / (max - min + 1e-7)}; a flat map becomes 0;
 *   <li>bilinear resize to the input size with half-pixel centres (PyTorch's
 *       {@code align_corners=False}); resizing after normalising keeps values in [0, 1].
 * </ol>
 */
public final class Display {
  /** The min-max eps, pytorch-grad-cam's since its PR #449. */
  public static final double EPS = 1e-7;

  private Display() {}

  /** A layer-resolution map {@code [N, h, w]} to {@code [N, H, W]} in [0, 1]. */
  public static Tensor ofMap(Tensor raw, boolean relu, int height, int width) {
    Tensor m = relu ? raw.relu() : raw;
    Tensor normalised = minMax(m);
    int n = raw.dim(0);
    Tensor resized = Resize.bilinear(normalised.unsqueeze(1), height, width, false);
    return resized.reshape(n, height, width);
  }

  /** An input-gradient map {@code [N, C, H, W]}: max over channels of the absolute value, then min-max. */
  public static Tensor ofInputGradient(Tensor raw) {
    return minMax(raw.abs().max(new int[] {1}, false));
  }

  /** Per image {@code (m - min) / (max - min + EPS)} over {@code [N, ...]}. */
  public static Tensor minMax(Tensor m) {
    int[] rest = new int[m.rank() - 1];
    for (int i = 0; i < rest.length; i++) {
      rest[i] = i + 1;
    }
    Tensor lo = m.min(rest, true);
    Tensor hi = m.max(rest, true);
    return m.sub(lo).div(hi.sub(lo).add(EPS));
  }
}
