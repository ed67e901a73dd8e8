package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/**
 * {@code y = op(a) @ op(b)} on the last two axes, batched over the leading axes with NumPy
 * broadcasting, where {@code op} transposes the last two axes when its flag is set (so a
 * transposed operand is never copied). Both operands have rank 2 or more.
 *
 * <p>VJP (PyTorch's {@code mm}/{@code bmm} rows, then {@code sumTo} for broadcast batch axes):
 *
 * <pre>
 *   ga = gy op(b)^T  = matmul(gy, b, false, !tb)     if not ta
 *   ga = op(b) gy^T  = matmul(b, gy, tb, true)       if ta   (a is stored transposed)
 *   gb = op(a)^T gy  = matmul(a, gy, !ta, false)     if not tb
 *   gb = gy^T op(a)  = matmul(gy, a, true, ta)       if tb
 * </pre>
 *
 * Bilinear, so differentiating again is matmul again. Saves {@code b} only if {@code a} requires
 * grad and {@code a} only if {@code b} does.
 */
public final class MatMul extends Function {
  private final boolean ta;
  private final boolean tb;

  private MatMul(Variable a, Variable b, boolean ta, boolean tb) {
    this.ta = ta;
    this.tb = tb;
    save(b.requiresGrad() ? a : null, a.requiresGrad() ? b : null);
  }

  public static Variable apply(Variable a, Variable b, boolean ta, boolean tb) {
    if (a.rank() < 2 || b.rank() < 2) {
      throw new IllegalArgumentException("matmul: operands " + a.shape() + " and " + b.shape()
          + " must have rank 2 or more here (Variable.matmul handles vectors)");
    }
    return record(a.value().matmul(b.value(), ta, tb), () -> new MatMul(a, b, ta, tb), a, b);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    Variable ga = null;
    Variable gb = null;
    if (needsGrad(0)) {
      Variable b = saved(1);
      ga = (ta ? apply(b, gy, tb, true) : apply(gy, b, false, !tb)).sumTo(inputShape(0));
    }
    if (needsGrad(1)) {
      Variable a = saved(0);
      gb = (tb ? apply(gy, a, true, ta) : apply(a, gy, !ta, false)).sumTo(inputShape(1));
    }
    return grads(ga, gb);
  }
}
