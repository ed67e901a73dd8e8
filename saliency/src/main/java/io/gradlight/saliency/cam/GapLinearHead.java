package io.gradlight.saliency.cam;

import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Linear;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds, during one forward pass, the head CAM needs after the target layer: a global average
 * pool and one {@link Linear} layer producing the logits, {@code z = W mean_ij(A) + b}. Attach
 * before the forward pass, then {@link #classWeights} checks the three facts on the values seen:
 *
 * <ol>
 *   <li>the last Linear layer to run produced the model's output (nothing follows it);
 *   <li>its input has one feature per channel of {@code A};
 *   <li>that input equals {@code mean_ij A} (relative {@value #RTOL}), so it is the global
 *       average pool of the target layer and nothing in between.
 * </ol>
 *
 * This is structural detection by values, so it accepts any model with such a head (ShapesNet,
 * ResNet at {@code layer4}) and rejects any other (VGG's three-layer classifier, ResNet at
 * {@code layer3}, a pre-activation layer) with a message naming the failed fact.
 */
final class GapLinearHead implements AutoCloseable {
  /** How close the Linear layer's input must be to the spatial means (structural check only). */
  static final double RTOL = 1e-4;

  private final List<Scope> hooks = new ArrayList<>();
  private String lastName;
  private Linear last;
  private Tensor lastInput;
  private Tensor lastOutput;

  private GapLinearHead() {}

  /** Watches every Linear layer of {@code model} in its next forward pass. */
  static GapLinearHead attach(Module model) {
    GapLinearHead head = new GapLinearHead();
    for (Map.Entry<String, Module> e : model.namedModules().entrySet()) {
      if (e.getValue() instanceof Linear linear) {
        head.hooks.add(model.registerForwardHook(e.getKey(), (m, in, out) -> {
          head.lastName = e.getKey();
          head.last = linear;
          head.lastInput = in.value();
          head.lastOutput = out.value();
          return out;
        }));
      }
    }
    return head;
  }

  /**
   * The Linear layer's weight {@code W [classes, K]}, after checking that the logits are
   * {@code W mean_ij(A) + b} for activation {@code a} of layer {@code layer}.
   */
  Tensor classWeights(Variable logits, Variable a, String layer) {
    String prefix = "cam needs a global average pool and one Linear layer right after layer '"
        + layer + "' (Zhou et al. 2016), but ";
    String suffix = "; use gradcam, which needs no such head";
    if (last == null) {
      throw new IllegalArgumentException(prefix + "the model has no Linear layer" + suffix);
    }
    if (!lastOutput.shape().equals(logits.shape()) || !lastOutput.allClose(logits.value(), 0, 0)) {
      throw new IllegalArgumentException(prefix + "the last Linear layer '" + lastName
          + "' does not produce the model's output" + suffix);
    }
    int channels = a.shape().dim(1);
    if (lastInput.rank() != 2 || lastInput.dim(1) != channels) {
      throw new IllegalArgumentException(prefix + "its last Linear layer '" + lastName
          + "' takes " + lastInput.shape() + ", not the " + channels + " channel means of "
          + a.shape() + suffix);
    }
    Tensor means = ChannelMaps.spatialMean(a.value()).reshape(lastInput.shape());
    double scale = Math.max(means.abs().maxValue(), Double.MIN_NORMAL);
    if (!lastInput.allClose(means, RTOL, RTOL * scale)) {
      throw new IllegalArgumentException(prefix + "the input of '" + lastName
          + "' is not the spatial mean of the layer's output" + suffix);
    }
    return last.weight().value();
  }

  @Override
  public void close() {
    hooks.forEach(Scope::close);
  }
}
