package io.gradlight.saliency.sanity;

import io.gradlight.nn.Module;
import io.gradlight.nn.StateDict;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Copies of a trained model with some {@link LayerGroup}s re-initialised, for the model-parameter
 * randomisation test of Adebayo et al. (2018, section 3):
 *
 * <ul>
 *   <li>{@link #cascading(int) cascading(k)}: the top {@code k} groups re-initialised ("starting
 *       from the top layer, successively, all the way to the bottom layer"); {@code k = 0} is a
 *       plain copy, {@code k = groups().size()} a wholly untrained network;
 *   <li>{@link #independent(int) independent(g)}: only group {@code g} (counted from the top)
 *       re-initialised, every other layer trained.
 * </ul>
 *
 * <p>The re-initialised values are those of one untrained network of the same architecture,
 * {@code architecture.apply(seed)}: each layer's default initialisation (PyTorch's, for the zoo
 * models), BatchNorm back to weight 1, bias 0, running mean 0 and variance 1. So the same seed
 * gives the same copies, a layer's random values do not depend on how many layers are
 * randomised, and the last cascading step is exactly that untrained network.
 *
 * <p>The trained model is only read: every copy is a new module built by {@code architecture},
 * converted to the trained model's dtype, loaded with a state dict and put in evaluation mode.
 */
public final class ParameterRandomization {
  private final LongFunction<Module> architecture;
  private final long seed;
  private final StateDict trained;
  private final StateDict random;
  private final List<LayerGroup> groups;
  private final Module model;

  /**
   * @param model the trained model (not modified)
   * @param architecture a new, untrained model of the same architecture with weights drawn from
   *     the given seed, e.g. {@code s -> Models.create("shapesnet", 8, Activation.RELU, s)}
   * @param seed the seed of the re-initialised values
   */
  public ParameterRandomization(Module model, LongFunction<Module> architecture, long seed) {
    this.model = model;
    this.architecture = architecture;
    this.seed = seed;
    this.trained = model.stateDict();
    this.random = architecture.apply(seed).stateDict();
    if (!trained.names().equals(random.names())) {
      throw new IllegalArgumentException("the architecture does not build the model: its state"
          + " names are " + random.names() + ", the model's " + trained.names());
    }
    this.groups = LayerGroup.topDown(model);
  }

  /** The groups, from the top (the logits) down. */
  public List<LayerGroup> groups() {
    return groups;
  }

  /** A copy with the top {@code k} groups re-initialised, {@code 0 <= k <= groups().size()}. */
  public Module cascading(int k) {
    if (k < 0 || k > groups.size()) {
      throw new IllegalArgumentException("cascading randomisation step must be from 0 to "
          + groups.size() + ", got " + k);
    }
    return build(groups.subList(0, k));
  }

  /** A copy with only group {@code g} (0 is the top) re-initialised. */
  public Module independent(int g) {
    if (g < 0 || g >= groups.size()) {
      throw new IllegalArgumentException("independent randomisation group must be from 0 to "
          + (groups.size() - 1) + ", got " + g);
    }
    return build(List.of(groups.get(g)));
  }

  private Module build(List<LayerGroup> randomised) {
    Set<String> fromRandom = new HashSet<>();
    randomised.forEach(g -> fromRandom.addAll(g.stateNames()));
    StateDict state = new StateDict();
    for (String name : trained.names()) {
      StateDict source = fromRandom.contains(name) ? random : trained;
      if (source.isInteger(name)) {
        state.put(name, source.integers(name));
      } else {
        state.put(name, source.tensor(name));
      }
    }
    Module copy = architecture.apply(seed).to(model.dtype());
    copy.loadStateDict(state, true);
    copy.eval();
    return copy;
  }
}
