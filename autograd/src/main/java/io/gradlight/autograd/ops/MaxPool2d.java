package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.Pooling;

/**
 * 2-D max pooling as PyTorch's {@code max_pool2d} (padding counts as minus infinity; on ties the
 * first maximum in window order wins).
 *
 * <p>VJP: {@code gx = MaxPool2dBackward(gy)}, the scatter-add of {@code gy} to the argmax
 * positions. The argmax is not differentiated (zero derivative away from ties). Saves only the
 * argmax indices (4 bytes per output element), not {@code x}.
 */
public final class MaxPool2d extends Function {
  private final Pool2dSpec spec;

  private MaxPool2d(int[] argmax, Pool2dSpec spec) {
    this.spec = spec;
    saveIndices(argmax);
  }

  public static Variable apply(Variable x, Pool2dSpec spec) {
    Pooling.MaxPoolResult r =
        Pooling.maxPool2d(x.value(), spec.kernel(), spec.stride(), spec.padding());
    return record(r.values(), () -> new MaxPool2d(r.argmax(), spec), x);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    return grads(MaxPool2dBackward.apply(gy, savedIndices(), inputShape(0), spec));
  }
}
