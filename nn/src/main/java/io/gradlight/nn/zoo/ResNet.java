package io.gradlight.nn.zoo;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.layers.AdaptiveAvgPool2d;
import io.gradlight.nn.layers.BasicBlock;
import io.gradlight.nn.layers.BatchNorm2d;
import io.gradlight.nn.layers.Conv2d;
import io.gradlight.nn.layers.Linear;
import io.gradlight.nn.layers.MaxPool2d;
import io.gradlight.nn.layers.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * torchvision's ResNet with basic blocks (ResNet-18: 2, 2, 2, 2 blocks; ResNet-34: 3, 4, 6, 3),
 * with its module and parameter names, so its state dicts load unchanged:
 *
 * <pre>
 *   conv1 7x7/2 (3 -> 64, no bias), bn1, relu, maxpool 3x3/2 pad 1,
 *   layer1 (64), layer2 (128, /2), layer3 (256, /2), layer4 (512, /2)   ({@link BasicBlock}s)
 *   avgpool (adaptive to 1x1), flatten, fc (512 -> classes)
 * </pre>
 *
 * Any input of at least about 32x32 pixels works (the stem and three strided stages divide the size
 * by 32; the global average pool takes whatever is left). Every ReLU is the chosen {@link
 * Activation}. Weights start as PyTorch's layer defaults from the seed.
 */
public final class ResNet extends Module {
  private final Conv2d conv1;
  private final BatchNorm2d bn1;
  private final Module activation;
  private final MaxPool2d maxpool;
  private final List<Sequential> stages = new ArrayList<>();
  private final AdaptiveAvgPool2d avgpool;
  private final Linear fc;

  /**
   * @param blocksPerStage the number of basic blocks in layer1 .. layer4
   * @param classes the number of outputs of {@code fc}
   */
  public ResNet(int[] blocksPerStage, int classes, Activation activation, long seed) {
    if (blocksPerStage.length != 4 || classes < 1) {
      throw new IllegalArgumentException(
          "ResNet needs 4 stage sizes and at least one class, got "
              + blocksPerStage.length
              + " stages and "
              + classes
              + " classes");
    }
    SplittableRandom rng = new SplittableRandom(seed);
    this.conv1 = addModule("conv1", new Conv2d(3, 64, 7, 2, 3, false, rng));
    this.bn1 = addModule("bn1", new BatchNorm2d(64));
    this.activation = addModule("relu", activation.create());
    this.maxpool = addModule("maxpool", new MaxPool2d(3, 2, 1));
    int in = 64;
    for (int stage = 0; stage < 4; stage++) {
      int channels = 64 << stage;
      List<BasicBlock> blocks = new ArrayList<>();
      for (int b = 0; b < blocksPerStage[stage]; b++) {
        int stride = b == 0 && stage > 0 ? 2 : 1;
        blocks.add(new BasicBlock(in, channels, stride, activation, rng));
        in = channels;
      }
      stages.add(addModule("layer" + (stage + 1), new Sequential(blocks)));
    }
    this.avgpool = addModule("avgpool", new AdaptiveAvgPool2d(1));
    this.fc = addModule("fc", new Linear(in, classes, true, rng));
  }

  /** ResNet-18: 2, 2, 2, 2 blocks. */
  public static ResNet resnet18(int classes, Activation activation, long seed) {
    return new ResNet(new int[] {2, 2, 2, 2}, classes, activation, seed);
  }

  /** ResNet-34: 3, 4, 6, 3 blocks. */
  public static ResNet resnet34(int classes, Activation activation, long seed) {
    return new ResNet(new int[] {3, 4, 6, 3}, classes, activation, seed);
  }

  /** The classifier {@code fc} after the global average pool (CAM's weights). */
  public Linear fc() {
    return fc;
  }

  @Override
  protected Variable compute(Variable x) {
    Variable y = maxpool.forward(activation.forward(bn1.forward(conv1.forward(x))));
    for (Sequential stage : stages) {
      y = stage.forward(y);
    }
    y = avgpool.forward(y);
    return fc.forward(y.reshape(y.shape().dim(0), -1));
  }
}
