package io.gradlight.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.Models;
import io.gradlight.nn.zoo.ShapesNet;
import io.gradlight.tensor.Shape;
import org.junit.jupiter.api.Test;

class ModelFlopsTest {
  @Test
  void shapesnetCountsItsFourConvolutionsAndItsLinearLayer() {
    // By hand at 64 x 64: output pixels x out channels x in channels x 3 x 3, then 128 x 8.
    long multiplyAdds = 64L * 64 * 16 * 3 * 9 + 32L * 32 * 32 * 16 * 9 + 16L * 16 * 64 * 32 * 9
        + 8L * 8 * 128 * 64 * 9 + 128L * 8;
    ShapesNet model = new ShapesNet(8, Activation.RELU, 1);
    assertEquals(2 * multiplyAdds, ModelFlops.forward(model, Shape.of(1, 3, 64, 64)));
    assertEquals(2 * 2 * multiplyAdds, ModelFlops.forward(model, Shape.of(2, 3, 64, 64)));
  }

  @Test
  void resnet18At224IsThePublishedOnePointEightTwoBillionMultiplyAdds() {
    // torchvision's model table: ResNet-18, 1.81 GFLOPS (counted as multiply-adds), 224 x 224.
    double flops = ModelFlops.forward(Models.create("resnet18"), Shape.of(1, 3, 224, 224));
    assertEquals(2 * 1.81e9, flops, 2 * 0.01e9);
  }
}
