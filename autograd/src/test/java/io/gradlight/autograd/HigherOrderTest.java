package io.gradlight.autograd;

import static io.gradlight.autograd.TestTensors.distinct;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.tensor.Convolution;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The Grad-CAM++ identity in F64. Activations {@code A [2, 3, 5, 5]} of a conv layer; a head
 * {@code act -> global average pool -> linear}; {@code S} the logit of class {@link #TARGET},
 * {@code Y = exp(S)}, {@code g = dS/dA}. The true diagonals of {@code d^2Y/dA^2} and
 * {@code d^3Y/dA^3}, by nested reverse mode, against the closed forms.
 */
class HigherOrderTest {
  /** The agreement asked of exact identities, relative to each element. */
  private static final double RELATIVE = 1e-10;
  private static final int TARGET = 1;
  private static final int CHANNELS = 3;
  private static final int PLANE = 25; // 5 x 5

  private final Tensor activations = conv2d(distinct(1, 2, 2, 7, 7), distinct(2, 0.4, 3, 2, 3, 3));
  private final Tensor linear = distinct(3, 1.5, 4, CHANNELS); // [classes, channels]
  private final Tensor bias = distinct(4, 4);

  private static Tensor conv2d(Tensor x, Tensor w) {
    return Convolution.conv2d(
        x, w, null, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1});
  }

  /** {@code S(A)}, one logit per item. */
  private UnaryOperator<Variable> logit(UnaryOperator<Variable> act) {
    Variable w = Variable.constant(linear);
    Variable b = Variable.constant(bias);
    return a -> act.apply(a).globalAvgPool().matmul(w.transpose(0, 1)).add(b)
        .slice(1, TARGET, TARGET + 1).reshape(-1);
  }

  private UnaryOperator<Variable> expLogit(UnaryOperator<Variable> act) {
    UnaryOperator<Variable> s = logit(act);
    return a -> s.apply(a).exp();
  }

  @Test
  void reluHeadTheTrueDerivativesOfExpSEqualTheClosedForms() {
    HigherOrder.Diagonals y =
        HigherOrder.diagonalDerivatives(expLogit(Variable::relu), activations, 3);
    HigherOrder.Diagonals s =
        HigherOrder.diagonalDerivatives(logit(Variable::relu), activations, 2);
    Tensor e = perItem(s.scores().exp());
    Tensor g = s.first();
    assertClose(g.square().mul(e), y.second(), "d2Y/dA2 vs exp(S) g^2");
    assertClose(g.square().mul(g).mul(e), y.third(), "d3Y/dA3 vs exp(S) g^3");
    assertTrue(y.second().abs().maxValue() > 1e-3, "a test with zero derivatives proves nothing");
  }

  @Test
  void softplusHeadDiffersByExactlyTheCurvatureTermsTheClosedFormDrops() {
    HigherOrder.Diagonals y =
        HigherOrder.diagonalDerivatives(expLogit(Variable::softplus), activations, 3);
    HigherOrder.Diagonals s =
        HigherOrder.diagonalDerivatives(logit(Variable::softplus), activations, 2);
    Tensor e = perItem(s.scores().exp());
    // Closed forms: S = sum_c w_c mean(softplus(A_c)) + b, so with sig = sigmoid(A) and
    // k = w_c / (H W):  g = k sig,  S'' = k sig (1 - sig),  S''' = k sig (1 - sig)(1 - 2 sig).
    Tensor k = perChannel(linear.slice(0, TARGET, TARGET + 1).reshape(CHANNELS).div(PLANE));
    Tensor sig = activations.sigmoid();
    Tensor g = sig.mul(k);
    Tensor s2 = sig.mul(sig.neg().add(1)).mul(k);
    Tensor s3 = s2.mul(sig.mul(-2).add(1));
    assertClose(g, s.first(), "g");
    Tensor dropped2 = y.second().sub(g.square().mul(e));
    Tensor dropped3 = y.third().sub(g.square().mul(g).mul(e));
    assertClose(s2.mul(e), dropped2, "d2Y/dA2 - exp(S) g^2 vs exp(S) S''");
    assertClose(g.mul(s2).mul(3).add(s3).mul(e), dropped3,
        "d3Y/dA3 - exp(S) g^3 vs exp(S) (3 g S'' + S''')");
    assertTrue(dropped2.abs().maxValue() > 1e-3 * y.second().abs().maxValue(),
        "softplus curvature should be visible");
  }

  @Test
  void separableDiagonalsAreExactForTheLogitButNotForExpOfIt() {
    for (UnaryOperator<Variable> act : List.<UnaryOperator<Variable>>of(
        Variable::relu, Variable::softplus, Variable::gelu, Variable::tanh)) {
      HigherOrder.Diagonals exact = HigherOrder.diagonalDerivatives(logit(act), activations, 3);
      HigherOrder.Diagonals fast = HigherOrder.separableDiagonals(logit(act), activations, 3);
      assertClose(exact.second(), fast.second(), "S'' separable");
      assertClose(exact.third(), fast.third(), "S''' separable");
      HigherOrder.Diagonals exactY = HigherOrder.diagonalDerivatives(expLogit(act), activations, 3);
      assertClose(exactY.second(), fast.ofExp().second(), "ofExp Y''");
      assertClose(exactY.third(), fast.ofExp().third(), "ofExp Y'''");
      HigherOrder.Diagonals rowSums = HigherOrder.separableDiagonals(expLogit(act), activations, 2);
      assertFalse(rowSums.second().allClose(exactY.second(), 1e-3, 0),
          "exp(S) is not separable: its Hessian row sums are not its diagonal");
    }
  }

  @Test
  void worksOnActivationsInsideALargerGraph() {
    Variable x = Variable.leaf(distinct(1, 2, 2, 7, 7));
    Variable w = Variable.leaf(distinct(2, 0.4, 3, 2, 3, 3));
    Variable a = x.conv2d(w, null, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1});
    Variable scores = logit(Variable::softplus).apply(a);
    HigherOrder.Diagonals inside = HigherOrder.separableDiagonals(scores, a, 3);
    HigherOrder.Diagonals alone =
        HigherOrder.separableDiagonals(logit(Variable::softplus), a.value(), 3);
    assertClose(alone.third(), inside.third(), "third order on an intermediate Variable");
    HigherOrder.Diagonals exact = HigherOrder.diagonalDerivatives(scores, a, 2);
    assertClose(alone.second(), exact.second(), "exact on an intermediate Variable");
    Autograd.grad(scores.sum(), x); // the graph was kept
  }

  @Test
  void theScoreFunctionMustGiveOneScorePerItem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HigherOrder.separableDiagonals(a -> a.sum(), activations, 2));
    assertTrue(e.getMessage().contains("one score per item"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> HigherOrder.separableDiagonals(logit(Variable::relu), activations, 4));
  }

  /** Per-element {@code |actual - expected| <= RELATIVE |expected|}, exact zeros included. */
  private static void assertClose(Tensor expected, Tensor actual, String what) {
    assertTrue(expected.shape().equals(actual.shape()), what + ": shapes");
    double[] e = expected.toDoubleArray();
    double[] a = actual.toDoubleArray();
    for (int i = 0; i < e.length; i++) {
      assertTrue(Math.abs(a[i] - e[i]) <= RELATIVE * Math.abs(e[i]),
          what + " at element " + i + ": expected " + e[i] + ", got " + a[i]);
    }
  }

  private Tensor perItem(Tensor scores) {
    return scores.reshape(Shape.of(scores.size(), 1, 1, 1)).broadcastTo(activations.shape());
  }

  private Tensor perChannel(Tensor c) {
    return c.reshape(Shape.of(1, CHANNELS, 1, 1)).broadcastTo(activations.shape());
  }
}
