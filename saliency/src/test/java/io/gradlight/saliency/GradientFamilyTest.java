package io.gradlight.saliency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class GradientFamilyTest {
  @Test
  void registersTheSixInputGradientMethodsByTheirCliIds() {
    List<String> ids = GradientFamily.METHODS.stream().map(s -> s.get().id()).toList();
    assertEquals(List.of("gradient", "gradient-x-input", "integrated-gradients", "smoothgrad",
        "guided-backprop", "deconvnet"), ids);
    for (String id : ids) {
      SaliencyMethod m = Methods.create(id);
      assertEquals(id, m.id());
      assertFalse(m.usesLayer(), id + " explains the input, not a layer");
      assertFalse(m.paper().isBlank());
    }
    assertEquals(ids, Methods.ids().subList(0, ids.size()));
  }
}
