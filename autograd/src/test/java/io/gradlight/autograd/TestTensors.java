package io.gradlight.autograd;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.SplittableRandom;

/** Seeded F64 test inputs that stay away from kinks and ties. */
public final class TestTensors {
  private TestTensors() {}

  /**
   * Distinct values in about {@code (-scale, scale)}: a shuffled grid
   * {@code scale ((2k + 1)/n - 1 + 1/(2n))}, so no two are closer than {@code 2 scale / n} and
   * none is closer to 0 than {@code scale / (2n)}: far from ReLU's kink and from ties of max
   * pooling, compared with gradcheck's step 1e-6.
   */
  public static Tensor distinct(long seed, double scale, int... dims) {
    int n = Shape.of(dims).size();
    double[] v = new double[n];
    for (int k = 0; k < n; k++) {
      v[k] = scale * ((2.0 * k + 1) / n - 1 + 0.5 / n);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int k = n - 1; k > 0; k--) {
      int j = rng.nextInt(k + 1);
      double t = v[k];
      v[k] = v[j];
      v[j] = t;
    }
    return Tensor.of(v, dims);
  }

  /** {@link #distinct} with scale 1. */
  public static Tensor distinct(long seed, int... dims) {
    return distinct(seed, 1.0, dims);
  }

  /** Uniform in {@code [0.5, 1.5)}: for log, sqrt, division and powers. */
  public static Tensor positive(long seed, int... dims) {
    return Tensor.uniform(DType.F64, Shape.of(dims), 0.5, 1.5, new SplittableRandom(seed));
  }
}
