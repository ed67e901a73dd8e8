package io.gradlight.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.layers.BatchNorm2d;
import io.gradlight.nn.layers.ReLU;
import io.gradlight.nn.layers.Sequential;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Structure, modes, dtype conversion, freezing and the layer listing of {@link Module}. */
class ModuleTest {

  @Test
  void namedModulesAndParametersUseDottedNamesInOrder() {
    Sequential net = TinyNet.create(1);
    assertEquals(
        List.of("", "0", "1", "2", "3", "4", "5"), List.copyOf(net.namedModules().keySet()));
    assertEquals(
        List.of("0.weight", "0.bias", "1.weight", "1.bias", "5.weight", "5.bias"),
        List.copyOf(net.namedParameters().keySet()));
    assertEquals(54 + 3 + 3 + 3 + 12 + 4, net.parameterCount());
  }

  @Test
  void trainAndEvalSwitchTheWholeTree() {
    Sequential net = TinyNet.create(1);
    assertTrue(net.get(1).isTraining());
    net.eval();
    assertFalse(net.get(1).isTraining());
    net.train();
    assertTrue(net.get(1).isTraining());
  }

  @Test
  void toF64ConvertsParametersAndBuffersAndKeepsTheFunction() {
    Sequential net = TinyNet.create(1);
    net.eval();
    Tensor x = TinyNet.input(DType.F64, 2);
    Tensor y32 = net.forward(Variable.constant(x.to(DType.F32))).value();
    net.to(DType.F64);
    assertEquals(DType.F64, net.dtype());
    BatchNorm2d bn = (BatchNorm2d) net.get(1);
    assertEquals(DType.F64, bn.runningVar().dtype());
    Tensor y64 = net.forward(Variable.constant(x)).value();
    assertEquals(DType.F64, y64.dtype());
    assertTrue(y64.allClose(y32.to(DType.F64), 1e-5, 1e-6), y64 + " vs " + y32);
  }

  @Test
  void frozenParametersGetNoGradient() {
    Sequential net = TinyNet.create(1);
    net.forward(Variable.constant(TinyNet.input(DType.F32, 2))).sum().backward();
    Parameter w = net.namedParameters().get("5.weight");
    assertNotNull(w.grad());
    net.zeroGrad();
    assertNull(w.grad());
    net.requiresGrad(false);
    Variable x = Variable.leaf(TinyNet.input(DType.F32, 2));
    net.forward(x).sum().backward();
    assertNull(w.grad());
    assertNotNull(x.grad(), "the input still gets its gradient");
  }

  @Test
  void layersListsEveryLayerWithItsOutputShapeAndLeavesTheModelAsItWas() {
    Sequential net = TinyNet.create(1);
    BatchNorm2d bn = (BatchNorm2d) net.get(1);
    List<LayerInfo> layers = net.layers(Shape.of(1, 2, 6, 6));
    assertEquals(
        List.of("0", "1", "2", "3", "4", "5"), layers.stream().map(LayerInfo::name).toList());
    assertEquals(Shape.of(1, 3, 6, 6), layers.get(0).outputShape());
    assertEquals(Shape.of(1, 3, 1, 1), layers.get(3).outputShape());
    assertEquals(Shape.of(1, 4), layers.get(5).outputShape());
    assertEquals(6, layers.get(1).parameters());
    assertTrue(
        layers.get(0).description().startsWith("Conv2d(2, 3, kernel_size=(3, 3)"),
        layers.get(0).description());
    assertTrue(net.isTraining() && bn.isTraining(), "training mode is restored");
    assertEquals(0, bn.numBatchesTracked().value(), "no running statistics were updated");
  }

  @Test
  void membersNeedDistinctNamesWithoutDots() {
    class Bad extends Module {
      Bad(String second) {
        addModule("a", new ReLU());
        addModule(second, new ReLU());
      }

      @Override
      protected Variable compute(Variable x) {
        return x;
      }
    }
    assertThrows(IllegalArgumentException.class, () -> new Bad("a"));
    assertThrows(IllegalArgumentException.class, () -> new Bad("b.c"));
    assertThrows(IllegalArgumentException.class, () -> new Bad(""));
    assertEquals(List.of("", "a", "b"), List.copyOf(new Bad("b").namedModules().keySet()));
  }
}
