package io.gradlight.saliency.manipulation;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Buffer;
import io.gradlight.nn.Module;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;

/**
 * The manipulated target layer of {@link ManipulatedNet}: the original activation layer, then one
 * channel more whose map is a fixed pattern, whatever the input (Viering et al. 2019, section 3,
 * case T2: "add {@code c_I I_T} to the map"):
 *
 * <pre>
 *   out = concat_channels( activation(x),  P )      P = a T  broadcast to [N, 1, h, w]
 * </pre>
 *
 * The pattern {@code P} is a buffer ({@code pattern}, {@code [1, 1, h, w]}), so it is saved with
 * the state dict; the input's spatial size must match it.
 */
final class PatternChannel extends Module {
  private final Module activation;
  private final Buffer pattern;

  /** The original {@code activation} followed by the extra channel {@code pattern [h, w]}. */
  PatternChannel(Module activation, Tensor pattern) {
    if (pattern.rank() != 2) {
      throw new IllegalArgumentException("the pattern must be [h, w], got " + pattern.shape());
    }
    this.activation = addModule("activation", activation);
    this.pattern = addBuffer("pattern", pattern.reshape(1, 1, pattern.dim(0), pattern.dim(1)));
  }

  /** The pattern channel's map {@code [1, 1, h, w]}. */
  Tensor pattern() {
    return pattern.value();
  }

  @Override
  protected Variable compute(Variable x) {
    Variable a = activation.forward(x);
    Shape p = pattern.shape();
    if (a.rank() != 4 || a.shape().dim(2) != p.dim(2) || a.shape().dim(3) != p.dim(3)) {
      throw new IllegalArgumentException(
          "the manipulated layer was built for "
              + p.dim(2)
              + " x "
              + p.dim(3)
              + " feature maps, got "
              + a.shape()
              + "; build it for this input size");
    }
    Shape extra = Shape.of(a.shape().dim(0), 1, p.dim(2), p.dim(3));
    return Variable.concat(1, a, Variable.constant(pattern.value()).broadcastTo(extra));
  }

  @Override
  public String toString() {
    return "PatternChannel(" + activation + ", +1 channel " + pattern.shape() + ")";
  }
}
