package io.gradlight.tensor;

import static io.gradlight.tensor.TestTensors.assertMessage;
import static io.gradlight.tensor.TestTensors.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ElementwiseTest {

  /** The naive broadcast reference: out[i] = f(a[i mapped], b[i mapped]) by explicit indices. */
  static Tensor reference(Tensor a, Tensor b, DoubleBinaryOperator f) {
    Shape out = Tensor.broadcastShapes(a.shape(), b.shape());
    double[] values = new double[out.size()];
    for (int i = 0; i < values.length; i++) {
      int[] idx = ViewsTest.unravel(i, out.dims());
      values[i] = f.applyAsDouble(a.get(project(idx, a.shape())), b.get(project(idx, b.shape())));
    }
    return Tensor.of(values, out.dims());
  }

  /** The index into a broadcast operand: drop leading axes, 0 on its size-1 axes. */
  private static int[] project(int[] idx, Shape s) {
    int[] p = new int[s.rank()];
    for (int k = 0; k < p.length; k++) {
      p[k] = s.dim(k) == 1 ? 0 : idx[idx.length - p.length + k];
    }
    return p;
  }

  private static final int[][][] SHAPE_PAIRS = {
    {{2, 3}, {2, 3}}, {{2, 3}, {3}}, {{3, 1}, {1, 4}}, {{1}, {2, 2}}, {{}, {3}},
    {{2, 1, 3}, {4, 1}},
    {{0, 3}, {3}}, {{5}, {1, 1}}, {{1, 3}, {2, 1, 1}},
    // per channel (Broadcasting.channelLayout): rows long enough for vectors and their tails
    {{2, 3, 5, 7}, {1, 3, 1, 1}}, {{2, 3, 4, 5}, {3, 1, 1}}, {{3, 1, 35}, {3, 1, 1}},
    {{2, 3, 4, 5}, {1, 3, 4, 1}}, {{4, 3, 5}, {4, 1, 5}}, {{2, 0, 3}, {1, 1, 3}}
  };

  @ParameterizedTest
  @EnumSource(DType.class)
  void binaryOpsBroadcastLikeTheReference(DType dt) {
    record Op(String name, Function<Tensor[], Tensor> op, DoubleBinaryOperator f) {}
    Op[] ops = {
      new Op("add", t -> t[0].add(t[1]), (x, y) -> x + y),
      new Op("sub", t -> t[0].sub(t[1]), (x, y) -> x - y),
      new Op("mul", t -> t[0].mul(t[1]), (x, y) -> x * y),
      new Op("div", t -> t[0].div(t[1]), (x, y) -> x / y),
      new Op("pow", t -> t[0].abs().pow(t[1]), (x, y) -> Math.pow(Math.abs(x), y)),
      new Op("maximum", t -> t[0].maximum(t[1]), Math::max),
      new Op("minimum", t -> t[0].minimum(t[1]), Math::min),
    };
    long seed = 1;
    for (int[][] pair : SHAPE_PAIRS) {
      Tensor a = randn(dt, seed++, pair[0]);
      Tensor b = randn(dt, seed++, pair[1]);
      for (Op op : ops) {
        Tensor expected = reference(a, b, op.f());
        Tolerances.assertClose(expected, op.op().apply(new Tensor[] {a, b}), 1);
        Tolerances.assertClose(
            reference(b, a, op.f()), op.op().apply(new Tensor[] {b, a}), 1);
      }
    }
  }

  @Test
  void mismatchedShapesAndDTypesNameTheOp() {
    Tensor a = Tensor.zeros(DType.F32, 2, 3);
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> a.add(Tensor.zeros(DType.F32, 4))), "add", "[2, 3] and [4] do not broadcast");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> a.mul(Tensor.zeros(DType.F64, 2, 3))), "mul", "F32", "F64");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> a.gt(Tensor.zeros(DType.F32, 3, 3))), "gt", "[2, 3] and [3, 3]");
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void scalarOpsApplyToEveryElement(DType dt) {
    Tensor x = randn(dt, 3, 2, 5).abs();
    record Op(Function<Tensor, Tensor> op, DoubleUnaryOperator f) {}
    Op[] ops = {
      new Op(t -> t.add(1.5), v -> v + 1.5), new Op(t -> t.sub(0.25), v -> v - 0.25),
      new Op(t -> t.mul(-3), v -> v * -3), new Op(t -> t.div(4), v -> v / 4),
      new Op(t -> t.pow(2.5), v -> Math.pow(v, 2.5)),
    };
    for (Op op : ops) {
      Tolerances.assertClose(x.to(DType.F64).map(op.f()), op.op().apply(x), 1);
    }
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void unaryOpsMatchTheirDefinitions(DType dt) {
    Tensor x = randn(dt, 4, 3, 7).mul(3);
    Tensor pos = x.abs().add(0.1);
    record Op(Tensor in, Function<Tensor, Tensor> op, DoubleUnaryOperator f) {}
    Op[] ops = {
      new Op(x, Tensor::neg, v -> -v), new Op(x, Tensor::abs, Math::abs),
      new Op(x, Tensor::exp, Math::exp), new Op(pos, Tensor::log, Math::log),
      new Op(pos, Tensor::sqrt, Math::sqrt), new Op(x, Tensor::relu, v -> Math.max(v, 0)),
      new Op(x, Tensor::tanh, Math::tanh), new Op(x, Tensor::sigmoid, v -> 1 / (1 + Math.exp(-v))),
      new Op(x, Tensor::square, v -> v * v), new Op(pos, Tensor::reciprocal, v -> 1 / v),
      new Op(x, Tensor::sign, Math::signum),
    };
    for (Op op : ops) {
      Tolerances.assertClose(op.in().to(DType.F64).map(op.f()), op.op().apply(op.in()), 1);
    }
  }

  @Test
  void signAndReluKeepNaNAndZero() {
    Tensor x = Tensor.of(new double[] {Double.NaN, 0.0, -0.0, -2}, 4);
    double[] sign = x.sign().toDoubleArray();
    assertEquals(Double.NaN, sign[0]);
    assertEquals(0.0, Math.abs(sign[1]));
    assertEquals(-1.0, sign[3]);
    assertEquals(Double.NaN, x.relu().toDoubleArray()[0]);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void comparisonsGiveMasksOfTheSameDType(DType dt) {
    Tensor a = Tensor.of(new double[] {1, 2, 3, Double.NaN}, 4).to(dt);
    Tensor b = Tensor.of(new double[] {2}, 1).to(dt);
    assertEquals(dt, a.gt(b).dtype());
    assertArrayEquals(new double[] {0, 0, 1, 0}, a.gt(b).toDoubleArray());
    assertArrayEquals(new double[] {0, 1, 1, 0}, a.ge(b).toDoubleArray());
    assertArrayEquals(new double[] {1, 0, 0, 0}, a.lt(b).toDoubleArray());
    assertArrayEquals(new double[] {1, 1, 0, 0}, a.le(b).toDoubleArray());
    assertArrayEquals(new double[] {0, 1, 0, 0}, a.eq(b).toDoubleArray());
    assertArrayEquals(new double[] {0, 0, 1, 0}, a.gt(2).toDoubleArray());
    assertArrayEquals(new double[] {0, 1, 1, 0}, a.ge(2).toDoubleArray());
    assertArrayEquals(new double[] {1, 0, 0, 0}, a.lt(2).toDoubleArray());
    assertArrayEquals(new double[] {1, 1, 0, 0}, a.le(2).toDoubleArray());
    Tensor col = Tensor.of(new double[] {0, 5}, 2, 1).to(dt);
    Tolerances.assertSameValues(reference(col, a, (x, y) -> x < y ? 1 : 0).to(dt), col.lt(a));
  }

  @Test
  void whereBroadcastsMaskAndBranches() {
    Tensor mask = Tensor.of(new double[] {1, 0, 2}, 3);
    Tensor a = Tensor.of(new double[] {10, 20}, 2, 1);
    Tensor b = Tensor.scalar(DType.F64, -1);
    Tensor y = Tensor.where(mask, a, b);
    assertEquals(Shape.of(2, 3), y.shape());
    assertArrayEquals(new double[] {10, -1, 10, 20, -1, 20}, y.toDoubleArray());
    assertArrayEquals(new double[] {10, -1, 10, 20, -1, 20},
        Tensor.where(mask.to(DType.F32), a, b).toDoubleArray());
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Tensor.where(mask, a, b.to(DType.F32))), "where", "F64", "F32");
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void clampLimitsBothSides(DType dt) {
    Tensor x = Tensor.of(new double[] {-5, -1, 0.5, 3, Double.NaN}, 5).to(dt);
    double[] y = x.clamp(-1, 2).toDoubleArray();
    assertArrayEquals(new double[] {-1, -1, 0.5, 2, Double.NaN}, y);
    assertMessage(assertThrows(IllegalArgumentException.class, () -> x.clamp(2, 1)), "clamp", "2");
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void reluBackwardPassesTheGradientWhereTheInputIsPositive(DType dt) {
    Tensor x = Tensor.of(new double[] {-1, 0, 2, 3}, 2, 2).to(dt);
    Tensor gy = Tensor.of(new double[] {5, 6, 7, 8}, 2, 2).to(dt);
    assertArrayEquals(new double[] {0, 0, 7, 8}, gy.reluBackward(x).toDoubleArray());
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> gy.reluBackward(Tensor.zeros(dt, 4))), "reluBackward", "[2, 2]", "[4]");
  }
}
