package io.gradlight.tensor.kernels;

import java.util.SplittableRandom;

/** Seeded random inputs and small array helpers for the kernel tests. */
final class TestArrays {
  private TestArrays() {}

  /** {@code n} floats uniform in [-1, 1) from {@code seed}. */
  static float[] floats(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) rng.nextDouble(-1, 1);
    }
    return x;
  }

  /** {@code n} doubles uniform in [-1, 1) from {@code seed}. */
  static double[] doubles(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextDouble(-1, 1);
    }
    return x;
  }

  static float[] abs(float[] x) {
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = Math.abs(x[i]);
    }
    return out;
  }

  static double[] abs(double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = Math.abs(x[i]);
    }
    return out;
  }

  static double[] toDouble(float[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i];
    }
    return out;
  }

  static float[] toFloat(double[] x) {
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (float) x[i];
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double dot(float[] a, float[] b) {
    return dot(toDouble(a), toDouble(b));
  }
}
