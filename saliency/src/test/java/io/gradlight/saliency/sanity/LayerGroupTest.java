package io.gradlight.saliency.sanity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlight.nn.zoo.Models;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerGroupTest {
  @Test
  void shapesNetGroupsRunFromTheLogitsDownWithBatchNormBesideItsConvolution() {
    List<LayerGroup> groups = LayerGroup.topDown(Models.create("shapesnet"));
    assertEquals(List.of("fc", "features.12", "features.8", "features.4", "features.0"),
        groups.stream().map(LayerGroup::name).toList());
    assertEquals(List.of("fc.weight", "fc.bias"), groups.get(0).stateNames());
    assertEquals(List.of("features.12", "features.13"), groups.get(1).layers());
    assertEquals(List.of("features.12.weight", "features.13.weight", "features.13.bias",
        "features.13.running_mean", "features.13.running_var",
        "features.13.num_batches_tracked"), groups.get(1).stateNames());
  }

  @Test
  void everyStateEntryIsInExactlyOneGroup() {
    for (String name : List.of("shapesnet", "resnet18")) {
      var model = Models.create(name, 10, io.gradlight.nn.layers.Activation.RELU, 0);
      List<String> all = LayerGroup.topDown(model).reversed().stream()
          .flatMap(g -> g.stateNames().stream()).toList();
      assertEquals(model.stateDict().names().stream().sorted().toList(),
          all.stream().sorted().toList(), name);
    }
  }

  @Test
  void resNetDownsamplesAreGroupsOfTheirOwn() {
    var model = Models.create("resnet18", 10, io.gradlight.nn.layers.Activation.RELU, 0);
    List<String> names = LayerGroup.topDown(model).stream().map(LayerGroup::name).toList();
    assertEquals("fc", names.getFirst());
    assertEquals("conv1", names.getLast());
    assertEquals(List.of("layer4.1.conv2", "layer4.1.conv1", "layer4.0.downsample.0",
        "layer4.0.conv2", "layer4.0.conv1"), names.subList(1, 6));
    assertEquals(1 + 1 + 8 * 2 + 3, names.size()); // fc, stem, 8 blocks of 2, 3 downsamples
  }
}
