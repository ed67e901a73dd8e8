package io.gradlight.saliency.cam;

import io.gradlight.autograd.Autograd;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.LayerForward;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pyramid Grad-CAM: Grad-CAM at every stage of the network, each map upsampled to the input
 * size and summed (in the spirit of Lee et al. 2018's multi-level maps),
 *
 * <pre>
 *   raw = sum_stages U(gradcam_stage),     gradcam_stage = sum_k mean_ij(dS/dA_k) A_k
 * </pre>
 *
 * with {@code U} bilinear resizing to the input size with half-pixel centres. The stages are
 * chosen by {@link PyramidStages} (the last map at each resolution up to the target layer) or
 * given explicitly. The raw maps are summed as they are, signed and unnormalised: Grad-CAM
 * values are first-order contributions to the score per location, so a coarse stage carries
 * larger values per pixel and sets the overall localisation while the finer stages add detail.
 * One forward pass records every stage, one backward gives every stage's gradient.
 *
 * <p>The raw map is {@code [N, H, W]} at input resolution; display: ReLU, then min-max (the
 * resize is the identity).
 */
public final class PyramidGradCam implements SaliencyMethod {
  private final List<String> stages;

  /** Stages chosen by {@link PyramidStages} up to the request's target layer. */
  public PyramidGradCam() {
    this.stages = null;
  }

  /** Explicit stages (dotted layer names, shallow to deep), whatever the request's layer. */
  public PyramidGradCam(List<String> stages) {
    if (stages == null || stages.isEmpty()) {
      throw new IllegalArgumentException("pyramid-gradcam needs at least one stage layer, got "
          + stages);
    }
    this.stages = List.copyOf(stages);
  }

  @Override
  public String id() {
    return "pyramid-gradcam";
  }

  @Override
  public String paper() {
    return "Pyramid Grad-CAM: Grad-CAM maps of every stage summed at input resolution (after"
        + " Lee et al. 2018)";
  }

  @Override
  public boolean usesLayer() {
    return true;
  }

  @Override
  public SaliencyMap explain(ExplainRequest r) {
    Module model = r.model();
    String target = stages == null ? r.layerOrDefault() : stages.get(stages.size() - 1);
    List<String> watched = stages;
    if (watched == null) {
      watched = new ArrayList<>(model.namedModules().keySet());
      watched.remove(""); // the model itself
    }
    List<PyramidStages.Finished> order = new ArrayList<>();
    Map<String, Variable> outputs = new HashMap<>();
    List<Scope> hooks = new ArrayList<>();
    LayerForward f;
    try {
      for (String name : watched) {
        hooks.add(model.registerForwardHook(name, (m, in, out) -> {
          order.add(new PyramidStages.Finished(name, out.shape()));
          outputs.put(name, out);
          return out;
        }));
      }
      f = LayerForward.run(r, r.input(), target, true);
    } finally {
      hooks.forEach(Scope::close);
    }
    LayerGradients.spatialActivation(r, f, target);
    List<String> chosen = stages == null ? PyramidStages.select(order, target) : stages;
    List<Variable> activations = new ArrayList<>();
    for (String name : chosen) {
      Variable a = outputs.get(name);
      if (a == null || a.rank() != 4) {
        throw new IllegalArgumentException("pyramid-gradcam: stage '" + name + "' "
            + (a == null ? "did not run" : "outputs " + a.shape() + ", not a spatial map"));
      }
      activations.add(a);
    }
    List<Variable> grads = Autograd.grad(List.of(f.scores().sum()), activations, null, false);
    int height = r.input().dim(2);
    int width = r.input().dim(3);
    GradCam gradCam = new GradCam();
    Tensor raw = null;
    for (int s = 0; s < chosen.size(); s++) {
      Tensor stage = gradCam.map(activations.get(s).value(), grads.get(s).value());
      Tensor up = ChannelMaps.upsample(stage, height, width);
      raw = raw == null ? up : raw.add(up);
    }
    Map<String, String> notes = Map.of("stages", String.join(", ", chosen));
    return ChannelMaps.result(id(), raw, f.classes(), target, r, notes);
  }
}
