package io.gradlight.autograd;

import static io.gradlight.autograd.TestTensors.distinct;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.ops.ReluBackward;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutogradTest {

  private static Variable scalarLeaf(double v) {
    return Variable.leaf(Tensor.scalar(DType.F64, v));
  }

  @Test
  void derivativesOfXCubedToThirdOrder() {
    Variable x = scalarLeaf(2.0);
    Variable y = x.pow(3);
    Variable dy = Autograd.grad(y, x, true);
    Variable d2y = Autograd.grad(dy, x, true);
    Variable d3y = Autograd.grad(d2y, x, true);
    assertEquals(12.0, dy.value().item(), 1e-12);
    assertEquals(12.0, d2y.value().item(), 1e-12);
    assertEquals(6.0, d3y.value().item(), 1e-12);
  }

  @Test
  void fanInSumsTheGradients() {
    Variable x = Variable.leaf(Tensor.of(new double[] {1, -2, 3}, 3));
    Variable y = x.mul(x).add(x).sum(); // dy/dx = 2x + 1
    assertArrayEquals(new double[] {3, -3, 7}, Autograd.grad(y, x).value().toDoubleArray(), 0);
  }

  @Test
  void gradDoesNotTouchLeafGrads() {
    Variable x = scalarLeaf(3);
    Autograd.grad(x.square(), x);
    assertEquals(null, x.grad());
  }

  @Test
  void aFirstOrderBackwardRecordsNoNodes() {
    Variable x = Variable.leaf(distinct(1, 2, 3));
    Variable w = Variable.leaf(distinct(2, 3, 4));
    Variable loss = x.matmul(w).tanh().softmax(1).log().sum();
    long before = Autograd.nodesCreated();
    List<Variable> g = Autograd.grad(List.of(loss), List.of(x, w), null, false);
    assertEquals(before, Autograd.nodesCreated());
    assertFalse(g.get(0).requiresGrad());
    Autograd.grad(List.of(x.matmul(w).tanh().sum()), List.of(x), null, true);
    assertTrue(Autograd.nodesCreated() > before);
  }

  @Test
  void aReleasedGraphCannotBeDifferentiatedAgain() {
    Variable x = scalarLeaf(0.5);
    Variable y = x.exp().mul(x);
    Autograd.grad(y, x);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Autograd.grad(y, x));
    assertTrue(e.getMessage().contains("released") && e.getMessage().contains("retainGraph=true"),
        e.getMessage());
  }

  @Test
  void retainGraphAllowsASecondBackward() {
    Variable x = scalarLeaf(0.5);
    Variable y = x.exp().mul(x);
    Autograd.Options retain = Autograd.Options.DEFAULT.withRetainGraph(true);
    Variable g1 = Autograd.grad(List.of(y), List.of(x), null, retain).get(0);
    Variable g2 = Autograd.grad(List.of(y), List.of(x), null, retain).get(0);
    assertEquals(Math.exp(0.5) * 1.5, g1.value().item(), 1e-15);
    assertEquals(g1.value().item(), g2.value().item(), 0);
  }

  @Test
  void aNonScalarOutputNeedsAGradOutput() {
    Variable x = Variable.leaf(distinct(3, 2, 3));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Autograd.grad(x.exp(), x));
    assertTrue(e.getMessage().contains("outputs[0] has shape [2, 3]")
        && e.getMessage().contains("gradOutput"), e.getMessage());
  }

  @Test
  void anUnusedInputIsAnErrorUnlessAllowed() {
    Variable x = Variable.leaf(distinct(4, 3));
    Variable z = Variable.leaf(distinct(5, 2));
    Variable y = x.exp().sum();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Autograd.grad(List.of(y), List.of(x, z), null, true));
    assertTrue(e.getMessage().contains("inputs[1]") && e.getMessage().contains("allowUnused"),
        e.getMessage());
    List<Variable> g = Autograd.grad(List.of(y), List.of(x, z), null, false, true);
    assertArrayEquals(new double[2], g.get(1).value().toDoubleArray(), 0);
  }

  @Test
  void aConnectedInputThatReceivesNoGradientGetsZeros() {
    Variable gy = Variable.leaf(distinct(6, 3));
    Variable mask = Variable.leaf(distinct(7, 3));
    Variable y = ReluBackward.apply(gy, mask).sum();
    Variable g = Autograd.grad(y, mask);
    assertArrayEquals(new double[3], g.value().toDoubleArray(), 0);
  }

  @Test
  void inputsAndOutputsMustRequireGrad() {
    Variable c = Variable.constant(distinct(8, 3));
    Variable x = Variable.leaf(distinct(9, 3));
    IllegalArgumentException out = assertThrows(IllegalArgumentException.class,
        () -> Autograd.grad(c.sum(), x));
    assertTrue(out.getMessage().contains("outputs[0]")
        && out.getMessage().contains("does not require grad"));
    IllegalArgumentException in = assertThrows(IllegalArgumentException.class,
        () -> Autograd.grad(x.mul(c).sum(), c));
    assertTrue(in.getMessage().contains("inputs[0]")
        && in.getMessage().contains("does not require grad"));
  }

  @Test
  void aGradOutputOfTheWrongShapeNamesBothShapes() {
    Variable x = Variable.leaf(distinct(10, 2, 3));
    Variable seed = Variable.constant(Tensor.ones(DType.F64, 3));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Autograd.grad(List.of(x.exp()), List.of(x), List.of(seed), false));
    assertTrue(e.getMessage().contains("[3]") && e.getMessage().contains("[2, 3]"), e.getMessage());
  }

  @Test
  void aShapeMismatchInAnOpNamesTheOpAndBothShapes() {
    Variable a = Variable.leaf(Tensor.zeros(DType.F64, 2, 3));
    Variable b = Variable.leaf(Tensor.zeros(DType.F64, 4));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.add(b));
    assertTrue(e.getMessage().contains("add") && e.getMessage().contains("[2, 3]")
        && e.getMessage().contains("[4]"), e.getMessage());
  }

  @Test
  void gradWithRespectToAnIntermediateVariable() {
    Variable x = Variable.leaf(distinct(11, 3));
    Variable h = x.tanh();
    Variable y = h.square().sum(); // dy/dh = 2h
    Variable g = Autograd.grad(y, h);
    assertTrue(g.value().allClose(h.value().mul(2), 0, 1e-15));
  }

  @Test
  void multipleOutputsSumTheirVectorJacobianProducts() {
    Variable x = Variable.leaf(distinct(12, 3));
    Variable y1 = x.exp().sum();
    Variable y2 = x.square().sum();
    Variable g = Autograd.grad(List.of(y1, y2), List.of(x), null, false).get(0);
    assertTrue(g.value().allClose(x.value().exp().add(x.value().mul(2)), 1e-15, 0));
  }

  @Test
  void savedBytesCountsOnlyWhatBackwardNeeds() {
    Tensor data = distinct(13, 4, 5);
    Variable w = Variable.leaf(distinct(14, 5, 3));
    // x is data: matmul keeps x (needed for gw) but not w (gx is not needed)
    Variable y = Variable.constant(data).matmul(w);
    assertEquals(8L * 20, Autograd.savedBytes(y));
    // add keeps nothing; relu keeps its output (4 x 3 doubles)
    Variable z = y.add(y).relu();
    assertEquals(8L * 20 + 8L * 12, Autograd.savedBytes(z));
  }

  @Test
  void savedBytesOfAConvNetAreWhatItsBackwardNeeds() {
    // conv -> relu -> max-pool -> conv -> relu -> global average pool -> linear, input as data
    Tensor image = Tensor.zeros(DType.F32, 2, 4, 8, 8).add(0.5);
    Variable w1 = Variable.leaf(Tensor.full(DType.F32, Shape.of(4, 4, 3, 3), 0.1));
    Variable w2 = Variable.leaf(Tensor.full(DType.F32, Shape.of(4, 4, 3, 3), -0.1));
    Variable wl = Variable.leaf(Tensor.ones(DType.F32, 3, 4));
    int[] one = {1, 1};
    Variable logits = Variable.constant(image).conv2d(w1, null, one, one, one).relu()
        .maxPool2d(new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0})
        .conv2d(w2, null, one, one, one).relu().globalAvgPool().matmul(wl.transpose(0, 1));
    long input = 4L * 2 * 4 * 8 * 8;     // conv1 keeps x for its weight gradient (not w1)
    long relu1 = 4L * 2 * 4 * 8 * 8;     // relu keeps its output
    long argmax = 4L * 2 * 4 * 4 * 4;    // max-pool keeps indices, not its input
    long pooled = 4L * 2 * 4 * 4 * 4;    // conv2 keeps its input and its weight
    long w2Bytes = 4L * 4 * 4 * 3 * 3;
    long relu2 = 4L * 2 * 4 * 4 * 4;
    long features = 4L * 2 * 4;          // matmul keeps both operands
    long weightT = 4L * 4 * 3;
    assertEquals(input + relu1 + argmax + pooled + w2Bytes + relu2 + features + weightT,
        Autograd.savedBytes(logits));
  }
}
