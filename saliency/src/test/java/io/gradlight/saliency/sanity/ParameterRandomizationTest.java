package io.gradlight.saliency.sanity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.Module;
import io.gradlight.nn.StateDict;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.Models;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class ParameterRandomizationTest {
  private static final LongFunction<Module> SHAPESNET =
      s -> Models.create("shapesnet", 8, Activation.RELU, s);
  private static final long SEED = 42;

  /** A "trained" model: other weights than any seed-42 draw, and non-default BatchNorm state. */
  private static Module trained() {
    Module m = SHAPESNET.apply(7);
    StateDict state = m.stateDict();
    StateDict changed = new StateDict();
    for (String name : state.names()) {
      if (state.isInteger(name)) {
        changed.put(name, state.integers(name));
      } else {
        Tensor t = state.tensor(name);
        changed.put(name, name.matches("features\\.(1|5|9|13)\\..*") ? t.add(0.25) : t);
      }
    }
    m.loadStateDict(changed, true);
    return m;
  }

  private static Map<String, Tensor> snapshot(Module m) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    m.stateDict().tensors().forEach((k, v) -> out.put(k, v.copy()));
    return out;
  }

  private static Set<String> fromRandom(Module copy, Module trained) {
    Map<String, Tensor> random = SHAPESNET.apply(SEED).stateDict().tensors();
    Map<String, Tensor> original = trained.stateDict().tensors();
    Set<String> out = new HashSet<>();
    copy.stateDict().tensors().forEach((name, t) -> {
      boolean isRandom = t.allClose(random.get(name), 0, 0);
      boolean isTrained = t.allClose(original.get(name), 0, 0);
      assertTrue(isRandom != isTrained, name + " is neither the trained nor the random value");
      if (isRandom) {
        out.add(name);
      }
    });
    return out;
  }

  private static Set<String> names(List<LayerGroup> groups) {
    Set<String> out = new HashSet<>();
    groups.forEach(g -> g.stateNames().stream().filter(n -> !n.endsWith("num_batches_tracked"))
        .forEach(out::add));
    return out;
  }

  @Test
  void cascadingReinitialisesOneMoreGroupFromTheTopAtEachStep() {
    Module model = trained();
    Map<String, Tensor> before = snapshot(model);
    ParameterRandomization r = new ParameterRandomization(model, SHAPESNET, SEED);
    List<LayerGroup> groups = r.groups();
    assertEquals(5, groups.size());
    for (int k = 0; k <= groups.size(); k++) {
      Module copy = r.cascading(k);
      assertNotSame(model, copy);
      assertFalse(copy.isTraining());
      assertEquals(names(groups.subList(0, k)), fromRandom(copy, model), "step " + k);
    }
    snapshot(model).forEach((name, t) ->
        assertTrue(t.allClose(before.get(name), 0, 0), name + " of the trained model changed"));
  }

  @Test
  void independentReinitialisesOneGroup() {
    Module model = trained();
    ParameterRandomization r = new ParameterRandomization(model, SHAPESNET, SEED);
    for (int g = 0; g < r.groups().size(); g++) {
      assertEquals(names(List.of(r.groups().get(g))), fromRandom(r.independent(g), model));
    }
    var e = assertThrows(IllegalArgumentException.class, () -> r.independent(5));
    assertTrue(e.getMessage().contains("from 0 to 4"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> r.cascading(6));
  }

  @Test
  void theFullCascadeIsTheUntrainedNetworkOfTheSeed() {
    ParameterRandomization r = new ParameterRandomization(trained(), SHAPESNET, SEED);
    Map<String, Tensor> full = r.cascading(5).stateDict().tensors();
    Map<String, Tensor> random = SHAPESNET.apply(SEED).stateDict().tensors();
    full.forEach((name, t) -> assertTrue(t.allClose(random.get(name), 0, 0), name));
    Map<String, Tensor> other = new ParameterRandomization(trained(), SHAPESNET, SEED + 1)
        .cascading(5).stateDict().tensors();
    assertFalse(other.get("fc.weight").allClose(full.get("fc.weight"), 0, 0));
  }

  @Test
  void copiesKeepTheModelsDtype() {
    Module model = trained().to(DType.F64);
    ParameterRandomization r = new ParameterRandomization(model, SHAPESNET, SEED);
    assertEquals(DType.F64, r.cascading(3).dtype());
    assertEquals(DType.F64, r.independent(0).dtype());
  }

  @Test
  void aWrongArchitectureIsAnError() {
    var e = assertThrows(IllegalArgumentException.class, () -> new ParameterRandomization(
        trained(), s -> Models.create("vgg11", 8, Activation.RELU, s), SEED));
    assertTrue(e.getMessage().contains("does not build the model"), e.getMessage());
  }
}
