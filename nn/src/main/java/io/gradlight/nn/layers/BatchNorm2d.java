package io.gradlight.nn.layers;

import io.gradlight.autograd.Variable;
import io.gradlight.autograd.ops.ChannelAffine;
import io.gradlight.autograd.ops.ChannelMoments;
import io.gradlight.nn.Buffer;
import io.gradlight.nn.Counter;
import io.gradlight.nn.Module;
import io.gradlight.nn.Parameter;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;

/**
 * Batch normalisation over the channels of {@code [N, C, H, W]} as PyTorch's {@code nn.BatchNorm2d}
 * (affine, tracking running statistics).
 *
 * <p>Training mode, with {@code m = N H W} values per channel:
 *
 * <pre>
 *   mu = mean_{n,i,j} x            s2 = mean_{n,i,j} (x - mu)^2          (biased, ChannelMoments)
 *   a = weight / sqrt(s2 + eps)    b = bias - mu a
 *   y = x a + b                    (one pass, ChannelAffine; differentiable in x, weight and bias)
 *   running_mean = (1 - momentum) running_mean + momentum mu
 *   running_var  = (1 - momentum) running_var  + momentum s2 m / (m - 1)   (unbiased)
 *   num_batches_tracked += 1
 * </pre>
 *
 * <p>Evaluation mode: the same {@code y = x a + b} with {@code a = weight / sqrt(running_var +
 * eps)} and {@code b = bias - running_mean a} per channel. PyTorch's CPU kernels fold both modes
 * the same way. The forward reads x three times and writes one tensor, where a composite of
 * broadcasting ops wrote four (centred, squared, scaled, shifted); the backward writes three
 * (two gradients of x and their sum), where the composite wrote about ten.
 * Defaults: {@code eps = 1e-5}, {@code momentum = 0.1}, weight 1, bias 0, running mean 0, running
 * variance 1.
 */
public final class BatchNorm2d extends Module {
  /** PyTorch's default {@code eps}. */
  public static final double DEFAULT_EPS = 1e-5;

  /** PyTorch's default {@code momentum}. */
  public static final double DEFAULT_MOMENTUM = 0.1;

  private static final int[] STAT_AXES = {0, 2, 3};

  private final int channels;
  private final double eps;
  private final double momentum;
  private final Parameter weight;
  private final Parameter bias;
  private final Buffer runningMean;
  private final Buffer runningVar;
  private final Counter numBatchesTracked;

  /** With PyTorch's default eps and momentum. */
  public BatchNorm2d(int channels) {
    this(channels, DEFAULT_EPS, DEFAULT_MOMENTUM);
  }

  public BatchNorm2d(int channels, double eps, double momentum) {
    if (channels < 1 || !(eps > 0) || !(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException(
          "BatchNorm2d needs channels >= 1, eps > 0 and momentum"
              + " in [0, 1], got "
              + channels
              + ", "
              + eps
              + ", "
              + momentum);
    }
    this.channels = channels;
    this.eps = eps;
    this.momentum = momentum;
    this.weight = addParameter("weight", Tensor.ones(DType.F32, channels));
    this.bias = addParameter("bias", Tensor.zeros(DType.F32, channels));
    this.runningMean = addBuffer("running_mean", Tensor.zeros(DType.F32, channels));
    this.runningVar = addBuffer("running_var", Tensor.ones(DType.F32, channels));
    this.numBatchesTracked = addCounter("num_batches_tracked");
  }

  public Parameter weight() {
    return weight;
  }

  public Parameter bias() {
    return bias;
  }

  public Buffer runningMean() {
    return runningMean;
  }

  public Buffer runningVar() {
    return runningVar;
  }

  public Counter numBatchesTracked() {
    return numBatchesTracked;
  }

  @Override
  protected Variable compute(Variable x) {
    if (x.rank() != 4 || x.shape().dim(1) != channels) {
      throw new IllegalArgumentException(
          this + " expects input [N, " + channels + ", H, W], got " + x.shape());
    }
    if (!isTraining()) {
      Tensor invStd = runningVar.value().add(eps).sqrt().reciprocal();
      Variable scale = weight.variable().mul(Variable.constant(invStd));
      Variable shift = bias.variable().sub(Variable.constant(runningMean.value()).mul(scale));
      return ChannelAffine.apply(x, scale, shift);
    }
    int count = x.size() / channels;
    if (count < 2) {
      throw new IllegalArgumentException(
          this
              + " in training mode needs more than one value per"
              + " channel, got input "
              + x.shape());
    }
    Variable moments = ChannelMoments.apply(x);
    Variable mean = moments.slice(0, 0, 1).reshape(channels);
    Variable variance = moments.slice(0, 1, 2).reshape(channels);
    updateRunningStats(mean.value(), variance.value(), count);
    Variable scale = weight.variable().div(variance.add(eps).sqrt());
    return ChannelAffine.apply(x, scale, bias.variable().sub(mean.mul(scale)));
  }

  private void updateRunningStats(Tensor mean, Tensor biasedVariance, int count) {
    Tensor unbiased = biasedVariance.mul((double) count / (count - 1));
    runningMean.set(runningMean.value().mul(1 - momentum).add(mean.mul(momentum)));
    runningVar.set(runningVar.value().mul(1 - momentum).add(unbiased.mul(momentum)));
    numBatchesTracked.increment();
  }

  @Override
  public String toString() {
    return "BatchNorm2d("
        + channels
        + ", eps="
        + Repr.number(eps)
        + ", momentum="
        + Repr.number(momentum)
        + ", affine=True, track_running_stats=True)";
  }
}
