package io.gradlight.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The float pooling loops against the scalar reference, bit for bit, on the reference's shapes,
 * ShapesNet's and ResNet's windows, and enough planes for several tasks; with NaN, infinities,
 * ties and negative zeros in the data.
 */
class FloatPoolingTest {
  private final ScalarKernels reference = ScalarKernels.INSTANCE;

  static List<PoolGeometry> shapes() {
    List<PoolGeometry> shapes = new ArrayList<>(ScalarPoolingTest.SHAPES);
    shapes.add(PoolGeometry.of(5, 9, 11, 2, 2, 0)); // ShapesNet's 2x2/2 on odd sizes
    shapes.add(PoolGeometry.of(3, 13, 12, 3, 2, 1)); // ResNet's stem: 3x3/2, padding 1
    shapes.add(PoolGeometry.of(70, 33, 31, 2, 2, 0)); // 32 planes per task: three tasks
    shapes.add(PoolGeometry.of(40, 33, 31, 3, 1, 1)); // overlapping windows, two tasks
    return shapes;
  }

  @Test
  void maxPoolBackwardMatchesTheReferenceBitForBit() {
    long seed = 200;
    for (PoolGeometry g : shapes()) {
      float[] x = withSpecials(TestArrays.floats(g.planes() * g.h() * g.w(), seed++));
      float[] gy = withSpecials(TestArrays.floats(g.planes() * g.outH() * g.outW(), seed++));
      int[] argmax = new int[gy.length];
      reference.maxPool2d(g, x, new float[gy.length], argmax);
      float[] want = new float[x.length];
      float[] got = TestArrays.floats(x.length, seed++); // the kernel must overwrite it
      reference.maxPool2dBackward(g, gy, argmax, want);
      FloatPooling.maxPoolBackward(g, gy, argmax, got);
      assertBitwise(want, got, "maxPoolBackward " + g);
    }
  }

  @Test
  void avgPoolAndItsBackwardMatchTheReferenceBitForBit() {
    long seed = 300;
    for (PoolGeometry g : shapes()) {
      float[] x = TestArrays.floats(g.planes() * g.h() * g.w(), seed++);
      float[] gy = TestArrays.floats(g.planes() * g.outH() * g.outW(), seed++);
      float[] want = new float[gy.length];
      float[] got = new float[gy.length];
      reference.avgPool2d(g, x, want);
      FloatPooling.avgPool(g, x, got);
      assertBitwise(want, got, "avgPool " + g);

      float[] wantGx = new float[x.length];
      float[] gotGx = TestArrays.floats(x.length, seed++);
      reference.avgPool2dBackward(g, gy, wantGx);
      FloatPooling.avgPoolBackward(g, gy, gotGx);
      assertBitwise(wantGx, gotGx, "avgPoolBackward " + g);
    }
  }

  /** NaN, infinities, a negative zero and ties spread over the data. */
  static float[] withSpecials(float[] x) {
    float[] specials = {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -0f, 0f};
    for (int i = 0; i < x.length; i += 7) {
      x[i] = specials[(i / 7) % specials.length];
    }
    for (int i = 3; i + 1 < x.length; i += 11) {
      x[i + 1] = x[i];
    }
    return x;
  }

  static void assertBitwise(float[] want, float[] got, String what) {
    assertEquals(want.length, got.length, what);
    for (int i = 0; i < want.length; i++) {
      assertEquals(Float.floatToRawIntBits(want[i]), Float.floatToRawIntBits(got[i]),
          what + " at " + i + ": " + want[i] + " vs " + got[i]);
    }
  }
}
