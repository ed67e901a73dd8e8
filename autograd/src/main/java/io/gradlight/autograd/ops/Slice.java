package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;

/**
 * {@code y = x[..., start:end, ...]} along {@code axis}.
 *
 * <p>VJP: {@code gx = pad(gy)} with {@code start} zeros before and {@code size - end} after along
 * {@code axis} (pad and slice are each other's adjoints, as tinygrad's PAD and SHRINK). Saves
 * nothing.
 */
public final class Slice extends Function {
  private final int axis;
  private final int start;
  private final int end;

  private Slice(int axis, int start, int end) {
    this.axis = axis;
    this.start = start;
    this.end = end;
  }

  public static Variable apply(Variable x, int axis, int start, int end) {
    var y = x.value().slice(axis, start, end);
    int a = x.shape().axis(axis);
    return record(y, () -> new Slice(a, start, end), x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    int[] before = new int[gy.rank()];
    int[] after = new int[gy.rank()];
    before[axis] = start;
    after[axis] = inputShape(0).dim(axis) - end;
    return grads(gy.pad(before, after, 0));
  }
}
