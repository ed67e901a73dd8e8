package io.gradlight.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gradlight.autograd.Variable;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BasicBlockTest {

  @Test
  void anIdentityShortcutWhenShapesAgree() {
    BasicBlock block = new BasicBlock(8, 8, 1, Activation.RELU, new SplittableRandom(1));
    assertNull(block.downsample());
    assertEquals(
        List.of(
            "conv1.weight",
            "bn1.weight",
            "bn1.bias",
            "bn1.running_mean",
            "bn1.running_var",
            "bn1.num_batches_tracked",
            "conv2.weight",
            "bn2.weight",
            "bn2.bias",
            "bn2.running_mean",
            "bn2.running_var",
            "bn2.num_batches_tracked"),
        block.stateDict().names());
  }

  @Test
  void aProjectedShortcutWhenStrideOrWidthChange() {
    BasicBlock block = new BasicBlock(8, 16, 2, Activation.SILU, new SplittableRandom(1));
    assertNotNull(block.downsample());
    assertEquals(Shape.of(16, 8, 1, 1), block.stateDict().shape("downsample.0.weight"));
    assertEquals(Shape.of(16), block.stateDict().shape("downsample.1.running_var"));
    Variable y = block.forward(Variable.constant(Tensor.ones(DType.F32, 2, 8, 6, 6)));
    assertEquals(Shape.of(2, 16, 3, 3), y.shape());
  }

  @Test
  void theOutputIsTheActivationOfResidualPlusShortcut() {
    BasicBlock block = new BasicBlock(2, 2, 1, Activation.RELU, new SplittableRandom(3));
    block.to(DType.F64);
    block.eval();
    Tensor x = Tensor.normal(DType.F64, Shape.of(1, 2, 4, 4), 0, 1, new SplittableRandom(4));
    var m = block.namedModules();
    Variable vx = Variable.constant(x);
    Variable residual =
        m.get("bn2")
            .forward(
                m.get("conv2").forward(m.get("bn1").forward(m.get("conv1").forward(vx)).relu()));
    Tensor expected = residual.value().add(x).relu();
    assertEquals(0, block.forward(vx).value().sub(expected).abs().maxValue(), 1e-15);
  }
}
