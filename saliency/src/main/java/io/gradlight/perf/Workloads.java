package io.gradlight.perf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every workload by name: kernels ({@link KernelWorkloads}), model forward passes
 * ({@link ModelWorkloads}) and saliency methods ({@link MethodWorkloads}), in that order.
 */
public final class Workloads {
  /** The selector of every workload of every suite. */
  public static final String ALL_SELECTOR = "all";

  private static final List<Workload> ALL = register();

  private Workloads() {}

  private static List<Workload> register() {
    List<Workload> all = new ArrayList<>();
    all.addAll(KernelWorkloads.list());
    all.addAll(ModelWorkloads.list());
    all.addAll(MethodWorkloads.list());
    Set<String> names = new HashSet<>();
    for (Workload w : all) {
      if (!names.add(w.name()) || w.name().equals(ALL_SELECTOR)) {
        throw new IllegalStateException("two workloads share the name " + w.name());
      }
    }
    return List.copyOf(all);
  }

  /** Every workload of every suite. */
  public static List<Workload> all() {
    return ALL;
  }

  /** The workloads of {@code suite}. */
  public static List<Workload> of(Suite suite) {
    return ALL.stream().filter(w -> w.in(suite)).toList();
  }

  /** The workload called exactly {@code name}; the message says how to list the names. */
  public static Workload find(String name) {
    return ALL.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("no workload is called '" + name
            + "'; 'gradlight bench --list --only all' lists them"));
  }

  /**
   * The workloads {@code selector} picks, in registry order: every one for
   * {@value #ALL_SELECTOR}, a suite by its id ({@code core}, {@code scaling}), a workload by its
   * exact name, or else every workload whose name starts with {@code selector}
   * ({@code conv2d-forward}). Empty when nothing matches.
   */
  public static List<Workload> select(String selector) {
    if (selector.equals(ALL_SELECTOR)) {
      return ALL;
    }
    for (Suite s : Suite.values()) {
      if (s.id().equals(selector)) {
        return of(s);
      }
    }
    List<Workload> exact = ALL.stream().filter(w -> w.name().equals(selector)).toList();
    return exact.isEmpty() ? ALL.stream().filter(w -> w.name().startsWith(selector)).toList()
        : exact;
  }
}
