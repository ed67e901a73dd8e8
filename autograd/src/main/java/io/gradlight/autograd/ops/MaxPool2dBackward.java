package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Pooling;
import io.gradlight.tensor.Shape;

/**
 * Max pooling's backward as an op: {@code gx[plane][argmax[o]] += gy[o]}, a scatter-add to an
 * input of shape {@code xShape}.
 *
 * <p>Linear in {@code gy}. VJP with incoming {@code ggx}: {@code d gy = MaxPool2dGather(ggx)},
 * {@code ggx} read at the argmax positions (PyTorch's {@code max_pool_double_backward}). Saves the
 * argmax.
 */
public final class MaxPool2dBackward extends Function {
  private final Pool2dSpec spec;

  private MaxPool2dBackward(int[] argmax, Pool2dSpec spec) {
    this.spec = spec;
    saveIndices(argmax);
  }

  public static Variable apply(Variable gy, int[] argmax, Shape xShape, Pool2dSpec spec) {
    var gx = Pooling.maxPool2dBackward(
        gy.value(), argmax, xShape, spec.kernel(), spec.stride(), spec.padding());
    return record(gx, () -> new MaxPool2dBackward(argmax, spec), gy);
  }

  @Override
  protected Variable[] backward(Variable ggx) {
    return grads(MaxPool2dGather.apply(ggx, savedIndices(), inputShape(0), spec));
  }
}
