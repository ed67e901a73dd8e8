package io.gradlight.saliency;

import com.sun.management.OperatingSystemMXBean;
import io.gradlight.nn.Module;
import io.gradlight.nn.zoo.Models;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Time per CAM method for one image, F32, at each model's default size and layer: a rough
 * measurement tool ({@code -Dwarmup=N} warm-up rounds over every method, then per method the
 * median of {@code -Druns=N} calls), not a benchmark.
 * Prints the wall time and the process CPU time per call (all threads; on a shared machine the
 * CPU time is the steadier figure). Run with {@code -Dgradlight.threads=2}; arguments: model
 * names (default shapesnet resnet18).
 */
public final class CamTiming {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private CamTiming() {}

  public static void main(String[] args) {
    List<String> models = args.length == 0 ? List.of("shapesnet", "resnet18") : List.of(args);
    int warmup = Integer.getInteger("warmup", 1);
    int runs = Integer.getInteger("runs", 3);
    for (String name : models) {
      Module model = Models.create(name).eval().requiresGrad(false);
      int size = Models.defaultInputSize(name);
      Tensor x = Tensor.uniform(DType.F32, Shape.of(1, 3, size, size), -1, 1,
          new SplittableRandom(1));
      ExplainRequest r = ExplainRequest.of(model, x).withLayer(Models.defaultTargetLayer(name));
      List<SaliencyMethod> methods = CamFamily.METHODS.stream().map(Supplier::get).toList();
      for (int i = 0; i < warmup; i++) {
        methods.forEach(m -> m.explain(r));
      }
      for (SaliencyMethod method : methods) {
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
          long start = System.nanoTime();
          long cpuStart = OS.getProcessCpuTime();
          method.explain(r);
          wall[i] = (System.nanoTime() - start) / 1e6;
          cpu[i] = (OS.getProcessCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("%-10s %dx%d %-18s wall %9.1f ms   cpu %9.1f ms%n", name, size, size,
            method.id(), wall[runs / 2], cpu[runs / 2]);
      }
    }
  }
}
