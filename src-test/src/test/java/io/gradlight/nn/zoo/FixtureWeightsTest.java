package io.gradlight.nn.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlight.nn.StateDict;
import io.gradlight.nn.layers.Activation;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@link FixtureWeights} against values printed by {@code scripts/fixture_weights.py} for
 * torchvision's resnet18 (10 classes, seed 1234): bit-exact floats for each rule of the formula
 * (BatchNorm bias, running variance, BatchNorm weight, conv and linear weights, running mean).
 */
class FixtureWeightsTest {
  private static final long SEED = 1234;

  @Test
  void matchesThePythonFormulaBitForBit() {
    StateDict w = FixtureWeights.fill(ResNet.resnet18(10, Activation.RELU, 0).stateDict(), SEED);
    assertValues(w.tensor("bn1.bias"), 0x1.838eccp-5f, 0x1.0811cp-4f, -0.07297992706298828f);
    assertValues(w.tensor("bn1.running_var"), 0x1.116384p+0f, 0x1.dbc328p-1f, 1.2024943828582764f);
    assertValues(w.tensor("bn1.weight"), 0x1.d88a5p-1f, 0x1.2d6d3cp+0f, 1.3771941661834717f);
    assertValues(w.tensor("conv1.weight"), 0x1.6c568ap-3f, -0x1.55f508p-8f, 0.044324684888124466f);
    assertValues(w.tensor("fc.weight"), -0x1.3d95p-4f, -0x1.142292p-4f, -0.02258126810193062f);
    assertValues(
        w.tensor("layer4.1.bn2.running_mean"),
        -0x1.3dc48p-5f,
        0x1.a456ccp-6f,
        0.04273437336087227f);
    assertEquals(0, w.integers("bn1.num_batches_tracked").values()[0]);
  }

  private static void assertValues(Tensor t, float first, float second, float last) {
    float[] v = t.f32();
    assertEquals(first, v[0]);
    assertEquals(second, v[1]);
    assertEquals(last, v[v.length - 1]);
  }
}
