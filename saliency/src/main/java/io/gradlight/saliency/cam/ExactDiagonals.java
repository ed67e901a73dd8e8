package io.gradlight.saliency.cam;

import io.gradlight.autograd.Autograd;
import io.gradlight.autograd.HigherOrder;
import io.gradlight.autograd.HigherOrder.Diagonals;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The exact diagonals {@code d^n S / dA_i^n} (n = 1, 2, 3) of a per-image score with respect to
 * the target layer's activation, choosing the cheap way when it is exact.
 *
 * <p>{@link HigherOrder#separableDiagonals} needs one backward per order but is exact only when
 * the score is separable in {@code A} (diagonal Hessian and third-derivative tensor): true for a
 * head that is elementwise then linear (GAP + linear after an activation) and, almost
 * everywhere, for any piecewise-linear head (all its higher derivatives vanish). It returns the
 * row sums {@code H 1} and {@code T[., 1, 1]}. A random probe {@code v} (normal, fixed seed)
 * checks the structure: separable means {@code H v = (H 1) * v} and
 * {@code T[., v, v] = T[., 1, 1] * v^2}, each two more backward passes; any off-diagonal term
 * breaks the equality for almost every {@code v}. Otherwise {@link
 * HigherOrder#diagonalDerivatives} takes one Hessian-vector product per activation element
 * position (at most {@value #MAX_POSITIONS}; more is refused with a message).
 */
final class ExactDiagonals {
  /** The most positions per image for which per-position Hessian-vector products are run. */
  static final int MAX_POSITIONS = 4096;
  /** Relative tolerance of the separability probe in F64. */
  static final double PROBE_RTOL_F64 = 1e-8;
  /** Relative tolerance of the separability probe in F32. */
  static final double PROBE_RTOL_F32 = 1e-4;
  private static final long PROBE_SEED = 0x5EED;

  /**
   * @param diagonals {@code scores}, first, second and third derivative diagonals of S
   * @param separable whether one backward per order was exact (else per-position products ran)
   */
  record Result(Diagonals diagonals, boolean separable) {}

  private ExactDiagonals() {}

  /** The diagonals of {@code scores [N]} with respect to {@code a [N, ...]} in its graph. */
  static Result of(Variable scores, Variable a, String layer) {
    Diagonals rowSums = HigherOrder.separableDiagonals(scores, a, 3);
    if (isSeparable(scores, a, rowSums)) {
      return new Result(rowSums, true);
    }
    int positions = a.size() / a.shape().dim(0);
    if (positions > MAX_POSITIONS) {
      throw new IllegalArgumentException("gradcam++-exact: the head after layer '" + layer
          + "' is not separable in its activations (its Hessian has off-diagonal terms), so the"
          + " exact diagonals need one Hessian-vector product per element: " + positions
          + " per image exceeds the limit " + MAX_POSITIONS + "; choose a layer followed by an"
          + " elementwise activation and a global average pool + linear head, or use gradcam++");
    }
    return new Result(HigherOrder.diagonalDerivatives(scores, a, 3), false);
  }

  /** The probe: {@code H v == second * v} and {@code T[., v, v] == third * v^2}. */
  static boolean isSeparable(Variable scores, Variable a, Diagonals rowSums) {
    double rtol = a.dtype() == DType.F64 ? PROBE_RTOL_F64 : PROBE_RTOL_F32;
    Tensor v = Tensor.normal(a.dtype(), a.shape(), 0, 1, new SplittableRandom(PROBE_SEED));
    Variable probe = Variable.constant(v);
    Variable g = gradient(scores.sum(), a, true);
    Variable hv = gradient(g.mul(probe).sum(), a, true);
    if (!close(hv.value(), rowSums.second().mul(v), rtol)) {
      return false;
    }
    Variable tvv = gradient(hv.mul(probe).sum(), a, false);
    return close(tvv.value(), rowSums.third().mul(v.square()), rtol);
  }

  /** {@code dy/dx}, zero when {@code y} does not depend on {@code x}; the graph is kept. */
  private static Variable gradient(Variable y, Variable x, boolean createGraph) {
    if (!y.requiresGrad()) {
      return Variable.constant(x.value().zerosLike());
    }
    Autograd.Options options = new Autograd.Options(createGraph, true, true);
    return Autograd.grad(List.of(y), List.of(x), null, options).get(0);
  }

  /** {@code max |x - y| <= rtol max(max |x|, max |y|)}; two zero tensors are close. */
  private static boolean close(Tensor x, Tensor y, double rtol) {
    double scale = Math.max(x.abs().maxValue(), y.abs().maxValue());
    return x.sub(y).abs().maxValue() <= rtol * scale;
  }
}
