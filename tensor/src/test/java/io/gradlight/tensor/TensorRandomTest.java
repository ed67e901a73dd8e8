package io.gradlight.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TensorRandomTest {

  @Test
  void seededRandomIsDeterministicAndInRange() {
    Shape s = Shape.of(4, 5);
    Tensor u1 = Tensor.uniform(DType.F64, s, -2, 3, new SplittableRandom(42));
    Tensor u2 = Tensor.uniform(DType.F64, s, -2, 3, new SplittableRandom(42));
    assertArrayEquals(u1.f64(), u2.f64());
    for (double v : u1.f64()) {
      assertTrue(v >= -2 && v < 3);
    }
    Tensor n1 = Tensor.normal(DType.F32, s, 1, 2, new SplittableRandom(7));
    Tensor n2 = Tensor.normal(DType.F32, s, 1, 2, new SplittableRandom(7));
    assertArrayEquals(n1.f32(), n2.f32());
    assertFalse(n1.allClose(Tensor.normal(DType.F32, s, 1, 2, new SplittableRandom(8)), 0, 0));
    assertThrows(IllegalArgumentException.class,
        () -> Tensor.normal(DType.F32, s, 0, -1, new SplittableRandom(1)));
    assertThrows(IllegalArgumentException.class,
        () -> Tensor.uniform(DType.F32, s, 1, 0, new SplittableRandom(1)));
  }

  @Test
  void normalDrawsHaveTheRequestedMoments() {
    Tensor n = Tensor.normal(DType.F64, Shape.of(20000), 3, 2, new SplittableRandom(1));
    double mean = 0;
    for (double v : n.f64()) {
      mean += v / n.size();
    }
    double var = 0;
    for (double v : n.f64()) {
      var += (v - mean) * (v - mean) / (n.size() - 1);
    }
    assertEquals(3, mean, 0.05);
    assertEquals(4, var, 0.15);
  }
}
