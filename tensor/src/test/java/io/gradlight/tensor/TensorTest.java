package io.gradlight.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorTest {

  @Test
  void creationFillsValuesAndShape() {
    for (DType dt : DType.values()) {
      Tensor z = Tensor.zeros(dt, 2, 3);
      assertEquals(dt, z.dtype());
      assertEquals(Shape.of(2, 3), z.shape());
      assertEquals(6, z.size());
      assertEquals(0.0, z.get(1, 2));
      assertEquals(1.0, Tensor.ones(dt, 4).get(3));
      assertEquals(2.5, Tensor.full(dt, Shape.of(1, 1), 2.5).item());
      assertEquals(-3.0, Tensor.scalar(dt, -3).item());
      assertEquals(0, Tensor.scalar(dt, 1).rank());
      assertArrayEquals(new double[] {0, 1, 2, 3}, Tensor.arange(dt, 4).toDoubleArray());
      assertEquals(0, Tensor.zeros(dt, 0, 5).size());
    }
  }

  @Test
  void likeCreatorsKeepDTypeAndShape() {
    Tensor t = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
    assertEquals(t.shape(), t.zerosLike().shape());
    assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1}, t.onesLike().toDoubleArray());
    assertArrayEquals(new double[] {7, 7, 7, 7, 7, 7}, t.fullLike(7).toDoubleArray());
    assertEquals(DType.F64, t.fullLike(7).dtype());
  }

  @Test
  void ofCopiesAndWrapShares() {
    float[] data = {1, 2, 3};
    Tensor copied = Tensor.of(data, 3);
    Tensor wrapped = Tensor.wrap(data, Shape.of(3));
    data[0] = 9;
    assertEquals(1.0, copied.get(0));
    assertEquals(9.0, wrapped.get(0));
    assertSame(data, wrapped.f32());
  }

  @Test
  void lengthMismatchIsRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[5], 2, 3));
    assertTrue(e.getMessage().contains("5") && e.getMessage().contains("[2, 3]"), e.getMessage());
  }

  @Test
  void wrongBackingArrayNamesTheDType() {
    var e = assertThrows(IllegalStateException.class, () -> Tensor.zeros(DType.F32, 2).f64());
    assertTrue(e.getMessage().contains("F32"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> Tensor.zeros(DType.F64, 2).f32());
  }

  @Test
  void getIsRowMajorAndChecksBounds() {
    Tensor t = Tensor.of(new double[] {0, 1, 2, 3, 4, 5}, 2, 3);
    assertEquals(5.0, t.get(1, 2));
    assertEquals(3.0, t.get(1, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> t.get(2, 0));
    assertThrows(IllegalArgumentException.class, () -> t.get(1));
    assertThrows(IllegalStateException.class, t::item);
  }

  @Test
  void conversionRoundsAndCopies() {
    Tensor d = Tensor.of(new double[] {0.1, 1e40}, 2);
    Tensor f = d.to(DType.F32);
    assertEquals(DType.F32, f.dtype());
    assertEquals((float) 0.1, f.f32()[0]);
    assertEquals(Float.POSITIVE_INFINITY, f.f32()[1]);
    assertSame(d, d.to(DType.F64));
    assertArrayEquals(new float[] {(float) 0.1, Float.POSITIVE_INFINITY}, d.toFloatArray());
    Tensor c = d.copy();
    assertNotSame(d.f64(), c.f64());
    assertArrayEquals(d.f64(), c.f64());
  }

  @Test
  void allCloseUsesRelativeAndAbsoluteTolerance() {
    Tensor a = Tensor.of(new double[] {1.0, 100.0}, 2);
    assertTrue(a.allClose(Tensor.of(new double[] {1.0 + 1e-9, 100.0 + 1e-5}, 2), 1e-6, 1e-8));
    assertFalse(a.allClose(Tensor.of(new double[] {1.0, 100.1}, 2), 1e-6, 1e-8));
    assertFalse(a.allClose(Tensor.of(new double[] {1.0, 100.0}, 1, 2), 1, 1));
    Tensor nan = Tensor.of(new double[] {Double.NaN}, 1);
    assertFalse(nan.allClose(nan, 1, 1));
    assertTrue(a.allClose(a.to(DType.F32), 0, 0));
  }

  @Test
  void toStringShowsDTypeShapeAndFirstValues() {
    String s = Tensor.arange(DType.F32, 10).toString();
    assertTrue(s.startsWith("Tensor(F32, [10], [0.0, 1.0"), s);
    assertTrue(s.endsWith("...])"), s);
    assertEquals("Tensor(F64, [0], [])", Tensor.zeros(DType.F64, 0).toString());
  }

  @Test
  void reshapeInfersOneSizeAndRejectsBadSizes() {
    Tensor t = Tensor.arange(DType.F64, 12);
    Tensor r = t.reshape(3, -1);
    assertEquals(Shape.of(3, 4), r.shape());
    assertEquals(7.0, r.get(1, 3));
    assertEquals(Shape.of(2, 2, 3), t.reshape(Shape.of(2, 2, 3)).shape());
    var e = assertThrows(IllegalArgumentException.class, () -> t.reshape(5, -1));
    assertTrue(e.getMessage().startsWith("reshape:"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> t.reshape(-1, -1));
    assertThrows(IllegalArgumentException.class, () -> t.reshape(5, 2));
    assertEquals(Shape.of(0, 3), Tensor.zeros(DType.F32, 0).reshape(0, 3).shape());
  }
}
