package io.gradlight.saliency.sanity;

import io.gradlight.nn.Module;
import io.gradlight.nn.layers.BatchNorm2d;
import java.util.ArrayList;
import java.util.List;

/**
 * One unit of re-initialisation in the model-parameter randomisation test: a layer with
 * parameters (a convolution, a linear layer) together with the BatchNorm layers that directly
 * follow it, as Adebayo et al. re-initialise "all the filter weights, biases, and batch-norm
 * variables" of a block (App. B).
 *
 * @param name the first layer's dotted name, e.g. {@code features.12} (the group's label)
 * @param layers the dotted names of the layers in the group, in forward order
 * @param stateNames the state-dict names of their parameters, buffers and counters
 */
public record LayerGroup(String name, List<String> layers, List<String> stateNames) {

  public LayerGroup {
    layers = List.copyOf(layers);
    stateNames = List.copyOf(stateNames);
  }

  /**
   * The groups of {@code model} from the top (the logits) to the bottom (the input): the reverse
   * of the order in which {@link Module#namedModules()} lists layers holding state of their own
   * (the forward order for sequential models, VGG and ResNet). A BatchNorm layer joins the group
   * before it; a model whose first stateful layer is a BatchNorm starts with a group of its own.
   */
  public static List<LayerGroup> topDown(Module model) {
    List<List<String>> layers = new ArrayList<>();
    List<List<String>> states = new ArrayList<>();
    model.namedModules().forEach((name, m) -> {
      List<String> own = ownState(name, m);
      if (own.isEmpty()) {
        return;
      }
      if (!(m instanceof BatchNorm2d) || layers.isEmpty()) {
        layers.add(new ArrayList<>());
        states.add(new ArrayList<>());
      }
      layers.getLast().add(name);
      states.getLast().addAll(own);
    });
    List<LayerGroup> out = new ArrayList<>();
    for (int g = layers.size() - 1; g >= 0; g--) {
      out.add(new LayerGroup(layers.get(g).getFirst(), layers.get(g), states.get(g)));
    }
    return List.copyOf(out);
  }

  /** The full state names of {@code m}'s own parameters, buffers and counters (not children's). */
  private static List<String> ownState(String name, Module m) {
    List<String> own = new ArrayList<>();
    for (String local : m.stateDict().names()) {
      if (!local.contains(".")) {
        own.add(name.isEmpty() ? local : name + "." + local);
      }
    }
    return own;
  }
}
