package io.gradlight.saliency.gradient;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Linear;
import io.gradlight.nn.layers.Sequential;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Guided Backprop and DeconvNet, against hand-written backward passes of a ReLU MLP. */
class GuidedBackpropTest {
  private static final int CLASS = 2;

  /**
   * For {@code S = v . relu(W x)} the three rules give {@code W^T (v m)} with the mask {@code m}
   * of each rule over the hidden units: {@code [Wx > 0]} (gradient), {@code [Wx > 0][v > 0]}
   * (guided), {@code [v > 0]} (deconvnet).
   */
  @Test
  void eachRuleMasksTheHiddenUnitsAsItsPaperSays() {
    Sequential mlp = TinyNets.mlp(12, 20, 4, 5);
    Tensor x = TinyNets.input(3, 1, 3, 2, 2);
    Tensor w = ((Linear) mlp.module("1")).weight().value(); // [20, 12]
    Tensor v = ((Linear) mlp.module("3")).weight().value().slice(0, CLASS, CLASS + 1); // [1, 20]
    Tensor active = x.reshape(1, 12).matmul(w.transpose(0, 1)).gt(0);
    Tensor positive = v.gt(0);
    ExplainRequest r = ExplainRequest.of(mlp, x).withTargets(Targets.of(CLASS));
    check(new VanillaGradient(), r, v.mul(active).matmul(w));
    check(new GuidedBackprop(), r, v.mul(active).mul(positive).matmul(w));
    check(new DeconvNet(), r, v.mul(positive).matmul(w));
  }

  private static void check(SaliencyMethod method, ExplainRequest r, Tensor expected) {
    TinyNets.assertClose(expected.reshape(1, 3, 2, 2), method.explain(r).raw(), TinyNets.ROUNDING);
  }

  @Test
  void aBatchGivesEachImageItsOwnMap() {
    Module net = TinyNets.relu(5, 13);
    Tensor batch = TinyNets.input(14, 3, 3, 8, 8);
    int[] classes = {4, 0, 2};
    for (SaliencyMethod method : new SaliencyMethod[] {new GuidedBackprop(), new DeconvNet()}) {
      Tensor together = method.explain(
          ExplainRequest.of(net, batch).withTargets(Targets.of(classes))).raw();
      for (int i = 0; i < classes.length; i++) {
        Tensor alone = method.explain(ExplainRequest.of(net, batch.slice(0, i, i + 1))
            .withTargets(Targets.of(classes[i]))).raw();
        TinyNets.assertClose(alone, together.slice(0, i, i + 1), TinyNets.ROUNDING);
      }
    }
  }

  @Test
  void guidedDeconvnetAndGradientDifferOnAReluNetwork() {
    Module net = TinyNets.relu(5, 13);
    ExplainRequest r = ExplainRequest.of(net, TinyNets.input(15, 1, 3, 8, 8));
    Tensor guided = new GuidedBackprop().explain(r).raw();
    Tensor deconv = new DeconvNet().explain(r).raw();
    Tensor gradient = new VanillaGradient().explain(r).raw();
    assertFalse(guided.allClose(deconv, 1e-3, 1e-9), "guided = deconvnet");
    assertFalse(guided.allClose(gradient, 1e-3, 1e-9), "guided = gradient");
  }
}
