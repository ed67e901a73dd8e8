package io.gradlight.autograd;

import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Diagonals of the second and third derivatives of a per-item score with respect to a batched
 * tensor, by nested reverse mode: what Grad-CAM++ needs, computed exactly.
 *
 * <p>Setting: {@code a} has shape {@code [N, ...]} (a batch of N items, for example activations
 * {@code [N, C, H, W]}), and {@code f} maps it to one score per item, shape {@code [N]}. Items
 * must be independent (item n's score depends on item n's slice only, as in any network without
 * batch statistics), so derivatives of {@code sum_n f_n} give every item's derivatives in one
 * pass. For each element {@code i} of an item the results are
 *
 * <pre>
 *   first[i]  = dY/dA_i,   second[i] = d^2 Y / dA_i^2,   third[i] = d^3 Y / dA_i^3.
 * </pre>
 *
 * <p><b>Why this needs care.</b> The diagonal of a Hessian is not one vector-Jacobian product:
 * {@code grad(sum_i g_i, A)} gives the row sums {@code sum_j H_ij}. Two methods:
 *
 * <ul>
 *   <li>{@link #diagonalDerivatives}: exact for any {@code f}. One Hessian-vector product per
 *       element position (shared by all items), plus one more for the third order: cost
 *       proportional to the number of positions per item. For small layers and tests.
 *   <li>{@link #separableDiagonals}: one backward per order. Exact when and only when each item's
 *       score is <em>separable</em> in {@code a}, {@code f = sum_i h_i(A_i)}, so that its Hessian
 *       and third-derivative tensor are diagonal. This holds for a Grad-CAM head after the target
 *       layer that acts elementwise and then linearly: the class logit
 *       {@code S = sum_c w_c mean_{ij} act(A_cij) + b} with {@code act} ReLU, softplus, SiLU,
 *       GELU, tanh (and max pooling with fixed argmax). It does <em>not</em> hold for
 *       {@code Y = exp(S)}: its Hessian {@code e^S (g g^T + diag S'')} has the cross terms
 *       {@code e^S g_i g_j}, so use the logit and {@link Diagonals#ofExp()}.
 * </ul>
 *
 * <p>{@link Diagonals#ofExp()} turns the diagonals of {@code S} into those of {@code Y = e^S} by
 * the one-variable chain rule along each coordinate (exact for any {@code S}):
 * {@code Y'' = e^S (g^2 + S'')}, {@code Y''' = e^S (g^3 + 3 g S'' + S''')}. With a piecewise
 * linear head (ReLU, max pooling, GAP, linear) {@code S'' = S''' = 0} almost everywhere, and these
 * reduce to Grad-CAM++'s closed forms {@code e^S g^2} and {@code e^S g^3}.
 */
public final class HigherOrder {
  private HigherOrder() {}

  /**
   * The scores and derivative diagonals of a per-item score, each derivative shaped like the
   * input; {@code third} is null when only order 2 was asked for.
   */
  public record Diagonals(Tensor scores, Tensor first, Tensor second, Tensor third) {

    /**
     * The diagonals of {@code Y = exp(S)} given these, those of {@code S}:
     * {@code Y' = e^S g}, {@code Y'' = e^S (g^2 + S'')}, {@code Y''' = e^S (g^3 + 3 g S'' + S''')}.
     */
    public Diagonals ofExp() {
      Tensor expS = scores.exp();
      Tensor e = expS.reshape(perItemShape(first.shape()));
      Tensor g = first;
      Tensor y2 = g.square().add(second).mul(e);
      Tensor y3 = third == null ? null
          : g.square().mul(g).add(g.mul(second).mul(3)).add(third).mul(e);
      return new Diagonals(expS, g.mul(e), y2, y3);
    }
  }

  /**
   * Exact diagonals for any per-item score function, by one Hessian-vector product per element
   * position ({@code order} 2 or 3).
   */
  public static Diagonals diagonalDerivatives(UnaryOperator<Variable> f, Tensor a, int order) {
    Variable input = Variable.leaf(a);
    return diagonalDerivatives(f.apply(input), input, order);
  }

  /**
   * {@link #diagonalDerivatives(UnaryOperator, Tensor, int)} for scores already computed from
   * {@code input} (a leaf or an intermediate Variable, such as activations captured by a forward
   * hook, of shape {@code [N, ...]}). The graph is kept, so it can be used again.
   */
  public static Diagonals diagonalDerivatives(Variable scores, Variable input, int order) {
    checkOrder(order);
    Variable s = perItem(scores, input);
    Variable g = gradient(s.sum(), input, true);
    Tensor a = input.value();
    int positions = a.size() / Math.max(1, a.dim(0));
    double[] second = new double[a.size()];
    double[] third = order == 3 ? new double[a.size()] : null;
    for (int p = 0; p < positions; p++) {
      Variable mask = Variable.constant(positionMask(a, p));
      Variable row = gradient(g.mul(mask).sum(), input, order == 3);
      copyPosition(row.value(), p, positions, second);
      if (third != null) {
        Variable column = gradient(row.mul(mask).sum(), input, false);
        copyPosition(column.value(), p, positions, third);
      }
    }
    return new Diagonals(s.value(), g.value(), like(a, second),
        third == null ? null : like(a, third));
  }

  /**
   * Diagonals by one backward per order: {@code second = grad(sum g, a)},
   * {@code third = grad(sum second, a)}. Exact if and only if each item's score is separable in
   * {@code a} (see the class comment); otherwise these are row sums of the derivative tensors.
   */
  public static Diagonals separableDiagonals(UnaryOperator<Variable> f, Tensor a, int order) {
    Variable input = Variable.leaf(a);
    return separableDiagonals(f.apply(input), input, order);
  }

  /**
   * {@link #separableDiagonals(UnaryOperator, Tensor, int)} for scores already computed from
   * {@code input} (a leaf or an intermediate Variable of shape {@code [N, ...]}). The graph is
   * kept.
   */
  public static Diagonals separableDiagonals(Variable scores, Variable input, int order) {
    checkOrder(order);
    Variable s = perItem(scores, input);
    Variable g = gradient(s.sum(), input, true);
    Variable second = gradient(g.sum(), input, order == 3);
    Variable third = order == 3 ? gradient(second.sum(), input, false) : null;
    return new Diagonals(s.value(), g.value(), second.value(),
        third == null ? null : third.value());
  }

  private static void checkOrder(int order) {
    if (order != 2 && order != 3) {
      throw new IllegalArgumentException("order must be 2 or 3, got " + order);
    }
  }

  private static Variable perItem(Variable scores, Variable input) {
    if (input.rank() < 1) {
      throw new IllegalArgumentException(
          "the input needs a batch axis, got shape " + input.shape());
    }
    if (scores.size() != input.shape().dim(0)) {
      throw new IllegalArgumentException("the score function should give one score per item: "
          + input.shape().dim(0) + " for input " + input.shape() + ", got shape " + scores.shape());
    }
    return scores.reshape(input.shape().dim(0));
  }

  /** {@code d y / d x}, zero when {@code y} does not depend on {@code x}; the graph is kept. */
  private static Variable gradient(Variable y, Variable x, boolean createGraph) {
    if (!y.requiresGrad()) {
      return Variable.constant(x.value().zerosLike());
    }
    Autograd.Options options = new Autograd.Options(createGraph, true, true);
    return Autograd.grad(List.of(y), List.of(x), null, options).get(0);
  }

  /** 1 at position {@code p} of every item, 0 elsewhere. */
  private static Tensor positionMask(Tensor a, int p) {
    double[] m = new double[a.size()];
    int positions = a.size() / a.dim(0);
    for (int n = 0; n < a.dim(0); n++) {
      m[n * positions + p] = 1;
    }
    return like(a, m);
  }

  private static void copyPosition(Tensor from, int p, int positions, double[] to) {
    double[] v = from.toDoubleArray();
    for (int i = p; i < v.length; i += positions) {
      to[i] = v[i];
    }
  }

  private static Tensor like(Tensor a, double[] values) {
    return Tensor.wrap(values, a.shape()).to(a.dtype());
  }

  /** {@code [N, 1, 1, ...]} for an input of shape {@code [N, ...]}: a per-item broadcast. */
  private static Shape perItemShape(Shape input) {
    int[] dims = new int[input.rank()];
    Arrays.fill(dims, 1);
    dims[0] = input.dim(0);
    return Shape.of(dims);
  }
}
