package io.gradlight.autograd.ops;

import io.gradlight.autograd.Function;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.PerChannel;

/**
 * The biased variance per channel of {@code x [N, C, ...]} over all axes but the channel axis 1,
 * with {@code m} elements per channel: {@code v[c] = sum (x - mu[c])^2 / m},
 * {@code mu[c] = sum x / m} (two passes in double, {@link PerChannel#variance}). BatchNorm's
 * training statistic.
 *
 * <p>VJP: {@code gx = (x - mu) (2 gv / m)}, computed as the one-pass {@link ChannelAffine}
 * {@code x s - mu s} with {@code s = 2 gv / m}, where {@code mu} is recomputed from x by
 * Variable ops so that higher derivatives see its dependence on x. Saves x.
 */
public final class ChannelVariance extends Function {

  private ChannelVariance(Variable x) {
    save(x);
  }

  public static Variable apply(Variable x) {
    return record(PerChannel.variance(x.value()), () -> new ChannelVariance(x), x);
  }

  @Override
  protected Variable[] backward(Variable gv) {
    Variable x = saved(0);
    int[] axes = new int[x.rank() - 1];
    axes[0] = 0;
    for (int k = 1; k < axes.length; k++) {
      axes[k] = k + 1;
    }
    Variable mean = x.mean(axes, false);
    Variable s = gv.mul(2.0 * x.shape().dim(1) / x.size());
    return grads(ChannelAffine.apply(x, s, mean.mul(s).neg()));
  }
}
