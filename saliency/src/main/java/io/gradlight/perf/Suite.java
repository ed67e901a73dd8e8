package io.gradlight.perf;

import java.util.Locale;

/**
 * The groups of workloads {@code gradlight bench} runs: the core set by default, the scaling set
 * (ResNet-18 at three sizes and three batch sizes, Score-CAM against channel count) on request,
 * since its largest cases take seconds per run and gigabytes of heap.
 */
public enum Suite {
  /** Kernels, model forward passes and saliency methods: run by default. */
  CORE,
  /** How cost grows with input size, batch and channel count: run with {@code --only scaling}. */
  SCALING;

  /** The name on the command line: {@code core} or {@code scaling}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
