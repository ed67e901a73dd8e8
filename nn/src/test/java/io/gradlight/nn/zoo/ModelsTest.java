package io.gradlight.nn.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.LayerInfo;
import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModelsTest {

  @Test
  void shapesNetMapsA64PixelImageToClassLogits() {
    Module model = Models.create("shapesnet");
    Tensor x = Tensor.normal(DType.F32, Shape.of(2, 3, 64, 64), 0, 1, new SplittableRandom(1));
    Variable y = model.forward(Variable.constant(x));
    assertEquals(Shape.of(2, 8), y.shape());
    List<LayerInfo> layers = model.layers(Shape.of(1, 3, 64, 64));
    LayerInfo target = layers.stream()
        .filter(l -> l.name().equals(ShapesNet.TARGET_LAYER)).findFirst().orElseThrow();
    assertEquals(Shape.of(1, 128, 8, 8), target.outputShape());
    assertTrue(model.parameterCount() < 2_000_000 / 4, "parameters " + model.parameterCount());
  }

  @Test
  void unknownNamesListTheValidOnes() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Models.create("resnet50", 10, Activation.RELU, 0));
    assertTrue(e.getMessage().contains("shapesnet, vgg11, vgg16, resnet18, resnet34"),
        e.getMessage());
  }
}
