package io.gradlight.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vector exp, log, tanh and sigmoid against the double-precision definitions rounded to float,
 * over the whole float range: a sweep of magnitudes from subnormal to the largest float, both
 * signs, the edges where each function switches method, overflows or underflows, and the IEEE
 * specials. Skipped without the Vector API.
 */
class VectorMathTest {

  @BeforeEach
  void needsTheVectorApi() {
    assumeTrue(KernelProvider.vectorOrNull() != null, "the Vector API module is not readable");
  }

  @Test
  void expIsWithinAFewUlpsFromSubnormalToOverflow() {
    check("exp", VectorMath::exp, Math::exp, 88.72283f, 88.72284f, 88.7f, 89f, 100f, -87.33f,
        -87.34f, -100f, -103.27f, -103.28f, -103.9f, -104f, -150f, 0.34657359f, -0.34657359f,
        1e-8f, -1e-8f);
  }

  @Test
  void logIsWithinAFewUlpsIncludingSubnormals() {
    check("log", VectorMath::log, Math::log, Float.MIN_VALUE, 3 * Float.MIN_VALUE,
        Float.MIN_NORMAL, Math.nextDown(Float.MIN_NORMAL), Math.nextUp(1f), Math.nextDown(1f),
        0.70710677f, 0.70710683f, 1.4142135f, Float.MAX_VALUE, 2f, 0.5f);
  }

  @Test
  void tanhIsWithinAFewUlpsOnBothSidesOfTheSwitchAtFiveEighths() {
    check("tanh", VectorMath::tanh, Math::tanh, 0.625f, Math.nextDown(0.625f), -0.625f, 9f, 10f,
        44f, 1e-5f, -1e-30f, 3f);
  }

  @Test
  void sigmoidIsWithinAFewUlpsIncludingTinyResults() {
    check("sigmoid", VectorMath::sigmoid, UnaryOp.SIGMOID::apply, 88f, -88f, -100f, -103f,
        -104f, 1e-7f, -1e-7f, 17f, -17f);
  }

  /** Each input of a sweep and the given edges, with specials, in whole vectors. */
  private static void check(String name, UnaryOperator<FloatVector> vector,
      DoubleUnaryOperator reference, float... edges) {
    float[] inputs = inputs(edges);
    var species = FloatVector.SPECIES_PREFERRED;
    for (int i = 0; i < inputs.length; i += species.length()) {
      float[] got = vector.apply(FloatVector.fromArray(species, inputs, i)).toArray();
      for (int lane = 0; lane < got.length; lane++) {
        float x = inputs[i + lane];
        float want = (float) reference.applyAsDouble(x);
        double bound = Float.isFinite(want)
            ? Tolerances.F32_TRANSCENDENTAL_ULPS * Math.ulp(want) : 0.0;
        assertEquals(want, got[lane], bound, name + "(" + x + ")");
      }
    }
  }

  /** 2 x 200 magnitudes spread evenly in exponent, the edges, the specials; padded to vectors. */
  private static float[] inputs(float... edges) {
    float[] specials = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        1f, -1f};
    int lanes = FloatVector.SPECIES_PREFERRED.length();
    int count = 400 + edges.length + specials.length;
    float[] x = new float[(count + lanes - 1) / lanes * lanes];
    for (int i = 0; i < 200; i++) {
      float magnitude = (float) Math.pow(2, -149 + i * (149 + 127) / 199.0);
      x[2 * i] = magnitude;
      x[2 * i + 1] = -magnitude;
    }
    System.arraycopy(edges, 0, x, 400, edges.length);
    System.arraycopy(specials, 0, x, 400 + edges.length, specials.length);
    Arrays.fill(x, count, x.length, 1f);
    return x;
  }
}
