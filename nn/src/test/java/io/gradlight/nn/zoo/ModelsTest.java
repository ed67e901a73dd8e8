package io.gradlight.nn.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.LayerInfo;
import io.gradlight.nn.Module;
import io.gradlight.nn.data.ShapeClass;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.layers.ReLU;
import io.gradlight.nn.layers.SiLU;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModelsTest {

  @Test
  void parameterCountsEqualTorchvisions() {
    // torchvision's documented sizes with 1000 classes.
    assertEquals(11_689_512, Models.create("resnet18").parameterCount());
    assertEquals(21_797_672, Models.create("resnet34").parameterCount());
    assertEquals(132_863_336, Models.create("vgg11").parameterCount());
    assertEquals(138_357_544, Models.create("vgg16").parameterCount());
  }

  @Test
  void shapesNetIsSmallAndEndsInGlobalPoolAndLinear() {
    Module model = Models.create("shapesnet");
    assertEquals(ShapeClass.COUNT, Models.defaultClasses("shapesnet"));
    assertTrue(model.parameterCount() * Float.BYTES < 2_000_000, "" + model.parameterCount());
    Map<String, Shape> shapes = outputShapes(model, 64);
    assertEquals(Shape.of(1, 128, 8, 8), shapes.get(ShapesNet.TARGET_LAYER));
    assertEquals(Shape.of(1, 128, 1, 1), shapes.get("avgpool"));
    assertEquals(Shape.of(1, ShapeClass.COUNT), shapes.get("fc"));
    List<String> after =
        model.namedModules().keySet().stream()
            .dropWhile(n -> !n.equals(ShapesNet.TARGET_LAYER))
            .skip(1)
            .toList();
    assertEquals(List.of("avgpool", "fc"), after, "the head after the target layer");
  }

  @Test
  void torchvisionModelsTakeAnyInputSizeAndClassCount() {
    Map<String, Shape> resnet = outputShapes(ResNet.resnet18(10, Activation.RELU, 0), 64);
    assertEquals(Shape.of(1, 512, 2, 2), resnet.get("layer4"));
    assertEquals(Shape.of(1, 10), resnet.get("fc"));
    assertEquals(
        Shape.of(1, 3), outputShapes(ResNet.resnet18(3, Activation.RELU, 0), 45).get("fc"));
    Map<String, Shape> vgg = outputShapes(Vgg.vgg11(5, Activation.RELU, 0), 64);
    assertEquals(Shape.of(1, 512, 2, 2), vgg.get("features.20"));
    assertEquals(Shape.of(1, 512, 7, 7), vgg.get("avgpool"));
    assertEquals(Shape.of(1, 5), vgg.get("classifier"));
  }

  @Test
  void theDefaultTargetLayerIsTheLastActivationBeforeTheHead() {
    for (String name : List.of("shapesnet", "vgg16", "resnet34")) {
      Module model = Models.create(name, 4, Activation.RELU, 0);
      String layer = Models.defaultTargetLayer(name);
      assertEquals(4, outputShapes(model, 32).get(layer).rank(), name + " " + layer);
    }
  }

  @Test
  void theActivationOptionReplacesEveryReluAndKeepsTheNames() {
    Module relu = Models.create("resnet18", 10, Activation.RELU, 0);
    Module silu = Models.create("resnet18", 10, Activation.SILU, 0);
    assertEquals(relu.stateDict().names(), silu.stateDict().names());
    assertFalse(silu.namedModules().values().stream().anyMatch(m -> m instanceof ReLU));
    assertEquals(
        relu.namedModules().values().stream().filter(m -> m instanceof ReLU).count(),
        silu.namedModules().values().stream().filter(m -> m instanceof SiLU).count());
  }

  @Test
  void theSameSeedGivesTheSameModel() {
    Tensor x = Tensor.normal(DType.F32, Shape.of(1, 3, 32, 32), 0, 1, new SplittableRandom(1));
    Tensor a =
        Models.create("shapesnet", 8, Activation.GELU, 5).forward(Variable.constant(x)).value();
    Tensor b =
        Models.create("shapesnet", 8, Activation.GELU, 5).forward(Variable.constant(x)).value();
    assertTrue(a.allClose(b, 0, 0));
  }

  @Test
  void unknownNamesListTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Models.create("resnet50", 10, Activation.RELU, 0));
    assertEquals(
        "unknown model 'resnet50'; expected one of shapesnet, vgg11, vgg16, resnet18,"
            + " resnet34",
        e.getMessage());
    assertEquals(List.of("shapesnet", "vgg11", "vgg16", "resnet18", "resnet34"), Models.names());
  }

  private static Map<String, Shape> outputShapes(Module model, int size) {
    return model.layers(Shape.of(1, 3, size, size)).stream()
        .collect(Collectors.toMap(LayerInfo::name, LayerInfo::outputShape));
  }
}
