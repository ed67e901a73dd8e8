package io.gradlight.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.Module;
import io.gradlight.nn.data.ShapeClass;
import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.zoo.ShapesNet;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShippedWeightsTest {
  /** Fresh images: neither the training seed nor the held-out seed of the shipped model. */
  private static final long FRESH_SEED = 20_250_101;

  @Test
  void shapesnetShipsTrainedWeightsThatClassifyFreshImages() throws IOException {
    assertTrue(ShippedWeights.available("shapesnet"));
    Checkpoint c = ShippedWeights.checkpoint("shapesnet");
    assertEquals("shapesnet", c.model());
    assertEquals(List.of(ShapeClass.names()), c.classNames());
    Module model = ShippedWeights.model("shapesnet");
    assertTrue(model instanceof ShapesNet);
    assertFalse(model.isTraining());
    EpochResult r = Trainer.evaluate(model,
        new ShapesDataset(Shapes.standard(), 128, FRESH_SEED), 64);
    assertTrue(r.accuracy() >= 0.95, "accuracy " + r.accuracy() + " on 128 fresh images");
  }

  @Test
  void otherModelsShipNothing() {
    assertFalse(ShippedWeights.available("resnet18"));
    var e = assertThrows(IllegalArgumentException.class, () -> ShippedWeights.model("vgg11"));
    assertTrue(e.getMessage().contains("vgg11"), e.getMessage());
  }
}
