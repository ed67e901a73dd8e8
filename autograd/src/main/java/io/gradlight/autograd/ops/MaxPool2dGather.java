package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Pooling;
import io.gradlight.tensor.Shape;

/**
 * The gather by argmax: {@code out[o] = ggx[plane(o)][argmax[o]]}, reading a tensor shaped like
 * the pooling input at the positions of the maxima into a tensor of shape {@code yShape} (the
 * double backward of max pooling).
 *
 * <p>Linear, and the adjoint of {@link MaxPool2dBackward}: VJP with incoming {@code g} is
 * {@code MaxPool2dBackward(g)}. Saves the argmax.
 */
public final class MaxPool2dGather extends Function {
  private final Pool2dSpec spec;

  private MaxPool2dGather(int[] argmax, Pool2dSpec spec) {
    this.spec = spec;
    saveIndices(argmax);
  }

  public static Variable apply(Variable ggx, int[] argmax, Shape yShape, Pool2dSpec spec) {
    var out = Pooling.gatherArgmax(ggx.value(), argmax, yShape);
    return record(out, () -> new MaxPool2dGather(argmax, spec), ggx);
  }

  @Override
  protected Variable[] backward(Variable g) {
    return grads(MaxPool2dBackward.apply(g, savedIndices(), inputShape(0), spec));
  }
}
