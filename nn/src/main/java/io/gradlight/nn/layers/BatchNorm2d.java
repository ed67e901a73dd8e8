package io.gradlight.nn.layers;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Buffer;
import io.gradlight.nn.Counter;
import io.gradlight.nn.Module;
import io.gradlight.nn.Parameter;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;

/**
 * Batch normalisation over the channels of {@code [N, C, H, W]} as PyTorch's {@code nn.BatchNorm2d}
 * (affine, tracking running statistics).
 *
 * <p>Training mode, with {@code m = N H W} values per channel:
 *
 * <pre>
 *   mu = mean_{n,i,j} x            s2 = mean_{n,i,j} (x - mu)^2          (biased)
 *   y = (x - mu) * (weight / sqrt(s2 + eps)) + bias                      (differentiable in x)
 *   running_mean = (1 - momentum) running_mean + momentum mu
 *   running_var  = (1 - momentum) running_var  + momentum s2 m / (m - 1)   (unbiased)
 *   num_batches_tracked += 1
 * </pre>
 *
 * <p>Evaluation mode: {@code y = x a + b} with {@code a = weight / sqrt(running_var + eps)} and
 * {@code b = bias - running_mean a} per channel (PyTorch's CPU kernel folds it the same way).
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
    Shape perChannel = Shape.of(1, channels, 1, 1);
    Variable w = weight.variable().reshape(perChannel);
    Variable b = bias.variable().reshape(perChannel);
    if (!isTraining()) {
      Variable invStd =
          Variable.constant(runningVar.value().add(eps).sqrt().reciprocal().reshape(perChannel));
      Variable scale = w.mul(invStd);
      Variable shift = b.sub(Variable.constant(runningMean.value().reshape(perChannel)).mul(scale));
      return x.mul(scale).add(shift);
    }
    int count = x.size() / channels;
    if (count < 2) {
      throw new IllegalArgumentException(
          this
              + " in training mode needs more than one value per"
              + " channel, got input "
              + x.shape());
    }
    Variable mean = x.mean(STAT_AXES, true);
    Variable centred = x.sub(mean);
    Variable variance = centred.square().mean(STAT_AXES, true);
    updateRunningStats(mean.value().reshape(channels), variance.value().reshape(channels), count);
    // The per-channel factor first: two full-size broadcast ops instead of three.
    return centred.mul(w.div(variance.add(eps).sqrt())).add(b);
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
