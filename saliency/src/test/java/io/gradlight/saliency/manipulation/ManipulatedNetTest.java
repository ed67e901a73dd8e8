package io.gradlight.saliency.manipulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.ShapesNet;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ManipulatedNetTest {
  /** The promise of the construction in F64: logits equal to 1e-6 of their largest value. */
  private static final double LOGIT_RTOL = 1e-6;

  private static ShapesNet original() {
    ShapesNet net = new ShapesNet(8, Activation.RELU, 7);
    net.to(DType.F64);
    net.eval();
    return net;
  }

  private static Tensor logits(Module net, Tensor x) {
    try (Scope _ = GradMode.disabled()) {
      return net.forward(Variable.constant(x)).value();
    }
  }

  @Test
  void logitsAreUnchangedInF64() {
    ShapesNet net = original();
    ManipulatedNet lie = ManipulatedNet.build(net, TargetPicture.smiley(8, 8));
    Tensor x = Shapes.batch(4, 3).images().to(DType.F64);
    Tensor before = logits(net, x);
    Tensor after = logits(lie, x);
    double largest = before.abs().maxValue();
    double diff = after.sub(before).abs().maxValue();
    assertTrue(diff <= LOGIT_RTOL * largest, "max |logit difference| " + diff);
  }

  @Test
  void targetLayerHasOneMoreChannelHoldingThePattern() {
    ShapesNet net = original();
    TargetPicture smiley = TargetPicture.smiley(8, 8);
    ManipulatedNet lie = ManipulatedNet.build(net, smiley, 2.5, 10);
    Tensor x = Shapes.batch(2, 1).images().to(DType.F64);
    Tensor a;
    try (Scope _ = GradMode.disabled();
        var capture = lie.capture(ManipulatedNet.TARGET_LAYER)) {
      lie.forward(Variable.constant(x));
      a = capture.output().value();
    }
    assertEquals(129, a.dim(1));
    Tensor extra = a.slice(1, 128, 129).reshape(2, 8, 8);
    Tensor expected = smiley.values().mul(2.5).unsqueeze(0).broadcastTo(extra.shape());
    assertTrue(extra.allClose(expected, 0, 1e-15));
  }

  @Test
  void sizeMismatchIsAnErrorNamingBothSizes() {
    ManipulatedNet lie = ManipulatedNet.build(original(), TargetPicture.smiley(8, 8));
    Tensor x = Tensor.zeros(DType.F64, 1, 3, 32, 32);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> logits(lie, x));
    assertTrue(e.getMessage().contains("8 x 8"), e.getMessage());
    assertTrue(e.getMessage().contains("[1, 128, 4, 4]"), e.getMessage());
  }

  @Test
  void rejectsNonPositiveConstants() {
    ShapesNet net = original();
    TargetPicture smiley = TargetPicture.smiley(8, 8);
    assertThrows(IllegalArgumentException.class, () -> ManipulatedNet.build(net, smiley, 0, 1));
    assertThrows(
        IllegalArgumentException.class, () -> ManipulatedNet.build(net, smiley, 1, Double.NaN));
  }
}
