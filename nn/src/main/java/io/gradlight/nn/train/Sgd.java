package io.gradlight.nn.train;

import io.gradlight.nn.Parameter;
import io.gradlight.tensor.Tensor;
import java.util.List;

/**
 * Stochastic gradient descent with momentum and weight decay, PyTorch's {@code torch.optim.SGD}
 * update rule. With gradient {@code g}, parameter {@code p}, learning rate {@code lr}, momentum
 * {@code mu}, dampening {@code tau} and weight decay {@code lambda}, one step is:
 *
 * <pre>
 *   d = g + lambda p
 *   b = d                            on the first step (the buffer starts as a copy)
 *   b = mu b + (1 - tau) d           afterwards
 *   d = d + mu b   (Nesterov)   or   d = b   (otherwise; when mu = 0 there is no buffer, d stays)
 *   p = p - lr d
 * </pre>
 *
 * The arithmetic is in double; {@code d} and the buffer are rounded to the parameter's dtype where
 * PyTorch stores them in a tensor, so F32 results agree with PyTorch's to float rounding.
 */
public final class Sgd extends Optimizer {
  private final double momentum;
  private final double dampening;
  private final double weightDecay;
  private final boolean nesterov;
  private final Tensor[] buffers;

  /** Plain SGD with momentum and weight decay (no dampening, not Nesterov). */
  public Sgd(List<Parameter> parameters, double learningRate, double momentum, double weightDecay) {
    this(parameters, learningRate, momentum, 0, weightDecay, false);
  }

  /** Every option of PyTorch's SGD; Nesterov needs momentum > 0 and zero dampening. */
  public Sgd(List<Parameter> parameters, double learningRate, double momentum, double dampening,
      double weightDecay, boolean nesterov) {
    super(parameters, learningRate);
    this.momentum = atLeast("momentum", momentum, 0);
    this.dampening = atLeast("dampening", dampening, 0);
    this.weightDecay = atLeast("weight decay", weightDecay, 0);
    if (nesterov && (momentum <= 0 || dampening != 0)) {
      throw new IllegalArgumentException("Nesterov momentum needs momentum > 0 and dampening 0, got"
          + " momentum " + momentum + " and dampening " + dampening);
    }
    this.nesterov = nesterov;
    this.buffers = new Tensor[parameters.size()];
  }

  @Override
  void update(int index, Elements param, Elements grad) {
    boolean first = buffers[index] == null;
    if (momentum != 0 && first) {
      buffers[index] = zeroState(index);
    }
    Elements buffer = momentum != 0 ? Elements.of(buffers[index]) : null;
    double lr = learningRate();
    for (int i = 0; i < param.size(); i++) {
      double p = param.get(i);
      double d = weightDecay != 0 ? param.round(grad.get(i) + weightDecay * p) : grad.get(i);
      if (buffer != null) {
        double b = first ? d : param.round(momentum * buffer.get(i)) + (1 - dampening) * d;
        buffer.set(i, b);
        b = buffer.get(i);
        d = nesterov ? param.round(d + momentum * b) : b;
      }
      param.set(i, p - lr * d);
    }
  }
}
