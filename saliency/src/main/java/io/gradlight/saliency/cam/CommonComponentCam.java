package io.gradlight.saliency.cam;

import io.gradlight.autograd.Autograd;
import io.gradlight.autograd.Variable;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.LayerForward;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CCAM, the common component activation map (after Li et al. 2019): the classes a set of images
 * shares, weighted by how strongly the set predicts them. Over the batch (the set),
 *
 * <pre>
 *   G = mean_n softmax(z_n)                          (the mean class-probability vector)
 *   C = the K classes with the largest G             (K = min(topK, classes); ties: lower index)
 *   raw_n = sum_{c in C} G_c gradcam_n(c)
 * </pre>
 *
 * <b>CAM or Grad-CAM.</b> The paper combines CAM maps, which exist only for a global average
 * pool + linear head. gradlight combines Grad-CAM maps, which work for any model and on such a
 * head equal {@code CAM / (h w)} for every class: the same map up to one positive constant. The
 * class score is the request's (the logit by default, the paper's). As Grad-CAM is linear in the
 * gradient, {@code sum_c G_c gradcam(c) = gradcam} of the score {@code sum_c G_c S_c} (G held
 * constant), so one backward pass serves all K classes and the whole batch.
 *
 * <p>The request's targets are not used (the classes come from the set); the map's classes are
 * the most common class for every image, and the notes list the K classes with their weights.
 * The raw map is {@code [N, h, w]}; display: ReLU, then min-max.
 */
public final class CommonComponentCam implements SaliencyMethod {
  /** The default number of common classes. */
  public static final int DEFAULT_TOP_K = 5;

  private final int topK;

  /** {@value #DEFAULT_TOP_K} common classes. */
  public CommonComponentCam() {
    this(DEFAULT_TOP_K);
  }

  /** @param topK the number of common classes, at least 1 (fewer if the model has fewer) */
  public CommonComponentCam(int topK) {
    if (topK < 1) {
      throw new IllegalArgumentException("ccam needs at least 1 common class, got " + topK);
    }
    this.topK = topK;
  }

  @Override
  public String id() {
    return "ccam";
  }

  @Override
  public String paper() {
    return "Li et al., common component activation map (CCAM), 2019";
  }

  @Override
  public boolean usesLayer() {
    return true;
  }

  @Override
  public SaliencyMap explain(ExplainRequest r) {
    String layer = r.layerOrDefault();
    LayerForward f = LayerForward.run(r, r.input(), layer, true);
    Variable a = LayerGradients.spatialActivation(r, f, layer);
    Tensor common = f.logits().value().softmax(1).mean(new int[] {0}, false);
    int[] classes = topClasses(common.toDoubleArray(), topK);
    int n = a.shape().dim(0);
    Variable mixed = null;
    Map<String, String> weights = new LinkedHashMap<>();
    for (int c : classes) {
      int[] all = new int[n];
      Arrays.fill(all, c);
      double weight = common.get(c);
      Variable term = r.score().apply(f.logits(), all).sum().mul(weight);
      mixed = mixed == null ? term : mixed.add(term);
      weights.put(Integer.toString(c), String.format(Locale.ROOT, "%.4f", weight));
    }
    Tensor g = Autograd.grad(mixed, a).value();
    Tensor raw = new GradCam().map(a.value(), g);
    int[] mostCommon = new int[n];
    Arrays.fill(mostCommon, classes[0]);
    Map<String, String> notes = Map.of("common classes", weights.toString());
    return ChannelMaps.result(id(), raw, mostCommon, layer, r, notes);
  }

  /** The indices of the {@code k} largest values (fewer if there are fewer), largest first. */
  static int[] topClasses(double[] values, int k) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      order.add(i);
    }
    order.sort((i, j) -> values[i] != values[j] ? Double.compare(values[j], values[i])
        : Integer.compare(i, j));
    return order.subList(0, Math.min(k, values.length)).stream().mapToInt(Integer::intValue)
        .toArray();
  }
}
