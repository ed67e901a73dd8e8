package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.PerChannel;
import io.gradlight.tensor.Shape;
import java.util.Arrays;

/**
 * {@code y[n][c][...] = x[n][c][...] * scale[c] + shift[c]} over the channel axis 1 of
 * {@code x [N, C, ...]}, with {@code scale} and {@code shift} of shape {@code [C]}: BatchNorm's
 * affine step in one pass ({@link PerChannel#affine}), bitwise equal to a broadcast multiply then
 * add.
 *
 * <p>VJP, with {@code s} reshaped to {@code [1, C, 1, ...]}:
 *
 * <pre>
 *   gx = gy * s      gscale[c] = sum_{n, ...} gy x  (ChannelDot)      gshift[c] = sum_{n, ...} gy
 * </pre>
 *
 * Saves {@code x} only if {@code scale} requires grad and {@code scale} only if {@code x} does.
 * The backward is products and sums of Variables, so every higher derivative follows.
 */
public final class ChannelAffine extends Function {

  private ChannelAffine(Variable x, Variable scale) {
    save(scale.requiresGrad() ? x : null, x.requiresGrad() ? scale : null);
  }

  public static Variable apply(Variable x, Variable scale, Variable shift) {
    var y = PerChannel.affine(x.value(), scale.value(), shift.value());
    return record(y, () -> new ChannelAffine(x, scale), x, scale, shift);
  }

  /** {@code [1, C, 1, ...]} for an input {@code [N, C, ...]}: how a [C] value broadcasts to it. */
  static Shape broadcastShape(Shape x) {
    int[] dims = new int[x.rank()];
    Arrays.fill(dims, 1);
    dims[1] = x.dim(1);
    return Shape.of(dims);
  }

  @Override
  protected Variable[] backward(Variable gy) {
    Shape perChannel = inputShape(1);
    return grads(
        needsGrad(0) ? gy.mul(saved(1).reshape(broadcastShape(inputShape(0)))) : null,
        needsGrad(1) ? ChannelDot.apply(gy, saved(0)) : null,
        needsGrad(2) ? gy.sumTo(broadcastShape(inputShape(0))).reshape(perChannel) : null);
  }
}
