package io.gradlight.nn.layers;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import java.util.SplittableRandom;

/**
 * torchvision's ResNet {@code BasicBlock} (expansion 1), with its parameter names:
 *
 * <pre>
 *   out = act(bn2(conv2(act(bn1(conv1(x))))) + shortcut(x))
 *   conv1: 3x3, stride s, padding 1, no bias      conv2: 3x3, stride 1, padding 1, no bias
 *   shortcut(x) = x, or downsample(x) = bn(conv1x1 stride s (x)) named downsample.0, downsample.1
 *                 when the stride is not 1 or the channel count changes
 * </pre>
 *
 * As in torchvision, one activation module ({@code relu}) is applied twice, so a hook on {@code
 * layerK.B.relu} fires twice per pass; hook the block ({@code layerK.B}) for its output.
 */
public final class BasicBlock extends Module {
  private final Conv2d conv1;
  private final BatchNorm2d bn1;
  private final Module activation;
  private final Conv2d conv2;
  private final BatchNorm2d bn2;
  private final Sequential downsample;

  public BasicBlock(
      int inChannels, int channels, int stride, Activation activation, SplittableRandom rng) {
    this.conv1 = addModule("conv1", new Conv2d(inChannels, channels, 3, stride, 1, false, rng));
    this.bn1 = addModule("bn1", new BatchNorm2d(channels));
    this.activation = addModule("relu", activation.create());
    this.conv2 = addModule("conv2", new Conv2d(channels, channels, 3, 1, 1, false, rng));
    this.bn2 = addModule("bn2", new BatchNorm2d(channels));
    this.downsample =
        stride != 1 || inChannels != channels
            ? addModule(
                "downsample",
                new Sequential(
                    new Conv2d(inChannels, channels, 1, stride, 0, false, rng),
                    new BatchNorm2d(channels)))
            : null;
  }

  /** The 1x1 projection of the shortcut, or null for an identity shortcut. */
  public Sequential downsample() {
    return downsample;
  }

  @Override
  protected Variable compute(Variable x) {
    Variable out = activation.forward(bn1.forward(conv1.forward(x)));
    out = bn2.forward(conv2.forward(out));
    Variable shortcut = downsample == null ? x : downsample.forward(x);
    return activation.forward(out.add(shortcut));
  }
}
