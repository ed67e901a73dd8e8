package io.gradlight.saliency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every available method by CLI id, created with its paper's defaults. Each family keeps its own
 * list ({@link GradientFamily}, {@link CamFamily}, {@link PerturbationFamily}); a method appears
 * here only once it is finished and tested.
 */
public final class Methods {
  private static final Map<String, Supplier<SaliencyMethod>> ALL = register();

  private Methods() {}

  private static Map<String, Supplier<SaliencyMethod>> register() {
    Map<String, Supplier<SaliencyMethod>> all = new LinkedHashMap<>();
    List<Supplier<SaliencyMethod>> each = new ArrayList<>();
    each.addAll(GradientFamily.METHODS);
    each.addAll(CamFamily.METHODS);
    each.addAll(PerturbationFamily.METHODS);
    for (Supplier<SaliencyMethod> s : each) {
      String id = s.get().id();
      if (all.put(id, s) != null) {
        throw new IllegalStateException("two saliency methods share the id " + id);
      }
    }
    return all;
  }

  /** The ids of every available method, family by family. */
  public static List<String> ids() {
    return List.copyOf(ALL.keySet());
  }

  /** The method {@code id} with its default options; the message lists the valid ids. */
  public static SaliencyMethod create(String id) {
    Supplier<SaliencyMethod> s = ALL.get(id);
    if (s == null) {
      throw new IllegalArgumentException("unknown method '" + id + "'; expected one of "
          + String.join(", ", ALL.keySet()) + ", or all");
    }
    return s.get();
  }
}
