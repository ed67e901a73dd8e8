package io.gradlight.nn.zoo;

import io.gradlight.nn.StateDict;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.IntegerArray;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Java twin of {@code scripts/fixture_weights.py}: deterministic weights defined by a formula,
 * equal bit for bit to the Python ones, so the parity fixtures need no committed weight file.
 *
 * <p>Tensors are visited in the sorted order of their names, {@code k = 0, 1, 2, ...}; element
 * {@code i} (row-major) of tensor {@code k} draws {@code u} in {@code [0, 1)} with 24 random bits,
 *
 * <pre>
 *   state = seed + k 0x9E3779B97F4A7C15 + (i + 1) 0xBF58476D1CE4E5B9     (mod 2^64)
 *   u = (splitmix64_mix(state) >>> 40) / 2^24
 * </pre>
 *
 * and maps it in double, rounded once to float32: a weight of rank 2 or more to {@code (2u - 1)
 * sqrt(6 / fan_in)} ({@code fan_in = numel / shape[0]}); {@code running_var} and a BatchNorm weight
 * to {@code 1 + (2u - 1) 0.5}; any other rank-1 tensor to {@code (2u - 1) 0.1}; {@code
 * num_batches_tracked} to the integer 0. A rank-1 tensor is BatchNorm's when its prefix also has a
 * {@code running_mean}.
 */
public final class FixtureWeights {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final long STEP = 0xBF58476D1CE4E5B9L;
  private static final double TWO_TO_24 = 1 << 24;

  private FixtureWeights() {}

  /** The fixture values for every entry of {@code template} (only names and shapes are read). */
  public static StateDict fill(StateDict template, long seed) {
    List<String> names = new ArrayList<>(template.names());
    names.sort(null);
    Set<String> bnPrefixes = new HashSet<>();
    for (String name : names) {
      if (name.endsWith("running_mean")) {
        bnPrefixes.add(name.substring(0, name.length() - "running_mean".length()));
      }
    }
    StateDict out = new StateDict();
    for (int k = 0; k < names.size(); k++) {
      String name = names.get(k);
      Shape shape = template.shape(name);
      if (name.endsWith("num_batches_tracked")) {
        out.put(name, new IntegerArray("I64", shape, new long[shape.size()], false));
        continue;
      }
      boolean isBn =
          shape.rank() == 1 && bnPrefixes.contains(name.substring(0, name.lastIndexOf('.') + 1));
      double offset;
      double scale;
      if (shape.rank() >= 2) {
        offset = 0;
        scale = Math.sqrt(6.0 / (shape.size() / shape.dim(0)));
      } else if (name.endsWith("running_var") || isBn && name.endsWith("weight")) {
        offset = 1;
        scale = 0.5;
      } else {
        offset = 0;
        scale = 0.1;
      }
      float[] values = new float[shape.size()];
      long base = seed + k * GOLDEN;
      for (int i = 0; i < values.length; i++) {
        double u = (mix(base + (i + 1L) * STEP) >>> 40) / TWO_TO_24;
        values[i] = (float) (offset + (2 * u - 1) * scale);
      }
      out.put(name, Tensor.wrap(values, shape));
    }
    return out;
  }

  /** splitmix64's output function. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
