package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.PerChannel;

/**
 * The per-channel mean and biased variance of {@code x [N, C, ...]} over all axes but the channel
 * axis 1, as one {@code [2, C]} value: with {@code m} elements per channel,
 * {@code mu[c] = sum x / m} (row 0) and {@code v[c] = sum (x - mu[c])^2 / m} (row 1), two passes
 * in double ({@link PerChannel#moments}). BatchNorm's training statistics.
 *
 * <p>VJP, with {@code g = [gmu; gv]}: {@code gx = gmu / m + (x - mu) (2 gv / m)}, computed as the
 * one-pass {@link ChannelAffine} {@code x s + (gmu / m - mu s)} with {@code s = 2 gv / m}: one
 * tensor for both statistics, where a mean and a variance op would each send x a full-size
 * gradient to be added. {@code mu} is read from the op's own output, so that higher derivatives
 * see its dependence on x. Saves x and the output.
 */
public final class ChannelMoments extends Function {

  private ChannelMoments(Variable x) {
    save(x);
    saveOutput();
  }

  public static Variable apply(Variable x) {
    return record(PerChannel.moments(x.value()), () -> new ChannelMoments(x), x);
  }

  @Override
  protected Variable[] backward(Variable g) {
    Variable x = saved(0);
    int channels = x.shape().dim(1);
    double count = (double) x.size() / channels;
    Variable mean = output().slice(0, 0, 1).reshape(channels);
    Variable s = g.slice(0, 1, 2).reshape(channels).mul(2 / count);
    Variable shift = g.slice(0, 0, 1).reshape(channels).div(count).sub(mean.mul(s));
    return grads(ChannelAffine.apply(x, s, shift));
  }
}
