package io.gradlight.saliency.cam;

import io.gradlight.saliency.Display;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.tensor.Resize;
import io.gradlight.tensor.Tensor;
import java.util.Map;

/**
 * The tensor algebra every CAM method shares, on activations {@code A [N, K, h, w]}: channel
 * weights, weighted channel sums, upsampling, and the {@link SaliencyMap} of a raw map.
 */
final class ChannelMaps {
  private static final int[] SPATIAL = {2, 3};
  private static final int[] CHANNEL = {1};

  private ChannelMaps() {}

  /** {@code sum_ij t_kij} per image and channel, {@code [N, K, 1, 1]}. */
  static Tensor spatialSum(Tensor t) {
    return t.sum(SPATIAL, true);
  }

  /** {@code mean_ij t_kij} per image and channel, {@code [N, K, 1, 1]}. */
  static Tensor spatialMean(Tensor t) {
    return t.mean(SPATIAL, true);
  }

  /** {@code sum_k t_kij}: {@code [N, K, h, w]} to {@code [N, h, w]}. */
  static Tensor channelSum(Tensor t) {
    return t.sum(CHANNEL, false);
  }

  /** {@code sum_k w_k A_k} for weights {@code [N, K, 1, 1]} (or {@code [N, K, h, w]}). */
  static Tensor weightedSum(Tensor weights, Tensor activation) {
    return channelSum(weights.mul(activation));
  }

  /**
   * A map {@code [N, h, w]} resized to {@code [N, H, W]}, bilinear with half-pixel centres
   * (PyTorch's {@code align_corners=False}).
   */
  static Tensor upsample(Tensor map, int height, int width) {
    int n = map.dim(0);
    return Resize.bilinear(map.unsqueeze(1), height, width, false).reshape(n, height, width);
  }

  /** The result of a CAM method whose raw map {@code [N, h, w]} has the CAM ReLU. */
  static SaliencyMap result(String method, Tensor raw, int[] classes, String layer,
      ExplainRequest r, Map<String, String> notes) {
    Tensor display = Display.ofMap(raw, true, r.input().dim(2), r.input().dim(3));
    return new SaliencyMap(method, raw, display, classes, layer, notes);
  }
}
