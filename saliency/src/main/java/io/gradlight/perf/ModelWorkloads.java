package io.gradlight.perf;

import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.perf.Workload.Prepared;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * ResNet-18 inference, {@code resnet18-forward-SIZE-bBATCH}: one forward pass without a graph
 * (as {@code gradlight predict} runs it) of a batch of noise images. 224 x 224 at batch 1 and 8
 * are core workloads; the scaling suite adds sizes 112 and 448 and batch 32, so that time can be
 * read against work (FLOPs grow with {@code SIZE^2 * BATCH}).
 */
final class ModelWorkloads {
  static final int[] SIZES = {112, 224, 448};
  static final int[] BATCHES = {1, 8, 32};
  private static final int CORE_SIZE = 224;
  private static final int CORE_MAX_BATCH = 8;

  private ModelWorkloads() {}

  static List<Workload> list() {
    List<Workload> all = new ArrayList<>();
    for (int size : SIZES) {
      for (int batch : BATCHES) {
        EnumSet<Suite> suites = EnumSet.of(Suite.SCALING);
        if (size == CORE_SIZE && batch <= CORE_MAX_BATCH) {
          suites.add(Suite.CORE);
        }
        all.add(new Workload("resnet18-forward-" + size + "-b" + batch,
            BenchModels.shape(batch, size), suites, () -> forward(batch, size)));
      }
    }
    return all;
  }

  private static Prepared forward(int batch, int size) {
    Module model = BenchModels.resnet18();
    Tensor x = BenchModels.images(batch, size);
    return Prepared.withFlops(ModelFlops.forward(model, x.shape()), () -> {
      try (Scope _ = GradMode.disabled()) {
        return model.forward(Variable.constant(x)).value();
      }
    });
  }
}
