package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.PerChannel;

/**
 * {@code d[c] = sum_{n, ...} a[n][c][...] b[n][c][...]} over all axes but the channel axis 1, for
 * a and b of one shape {@code [N, C, ...]}: a product and a per-channel sum in one pass
 * ({@link PerChannel#dot}), the weight gradient of {@link ChannelAffine}.
 *
 * <p>VJP, with {@code gd} reshaped to {@code [1, C, 1, ...]}: {@code ga = b gd},
 * {@code gb = a gd}. Saves {@code b} only if {@code a} requires grad and {@code a} only if
 * {@code b} does. Bilinear, so every higher derivative follows.
 */
public final class ChannelDot extends Function {

  private ChannelDot(Variable a, Variable b) {
    save(b.requiresGrad() ? a : null, a.requiresGrad() ? b : null);
  }

  public static Variable apply(Variable a, Variable b) {
    return record(PerChannel.dot(a.value(), b.value()), () -> new ChannelDot(a, b), a, b);
  }

  @Override
  protected Variable[] backward(Variable gd) {
    Variable perChannel = gd.reshape(ChannelAffine.broadcastShape(inputShape(0)));
    return grads(
        needsGrad(0) ? saved(1).mul(perChannel) : null,
        needsGrad(1) ? saved(0).mul(perChannel) : null);
  }
}
