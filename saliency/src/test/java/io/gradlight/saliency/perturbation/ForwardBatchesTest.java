package io.gradlight.saliency.perturbation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.saliency.ExplainRequest;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ForwardBatchesTest {
  private static int perPass(int batchSize, int... shape) {
    return ForwardBatches.perPass(batchSize, Tensor.zeros(DType.F32, shape));
  }

  @Test
  void automaticBatchesHoldAtMostEightImagesOf224() {
    assertEquals(8, perPass(ForwardBatches.AUTOMATIC, 1, 3, 224, 224));
    assertEquals(8, perPass(ForwardBatches.AUTOMATIC, 4, 3, 224, 224)); // per image, not per batch
    assertEquals(32, perPass(ForwardBatches.AUTOMATIC, 2, 3, 64, 64));
    assertEquals(1, perPass(ForwardBatches.AUTOMATIC, 1, 3, 1200, 1200));
  }

  @Test
  void anExplicitBatchSizeIsKept() {
    assertEquals(32, perPass(32, 1, 3, 224, 224));
    assertEquals(5, perPass(5, 1, 3, 64, 64));
  }

  @Test
  void theBatchSizeNeverChangesAMap() {
    ExplainRequest request =
        ExplainRequest.of(TinyModels.cnn(false, 3), TinyModels.images(2, 12, 5)).withLayer("1");
    Tensor automatic = new ScoreCam().explain(request).raw();
    Tensor one = new ScoreCam(ScoreCam.Weighting.PROBABILITY, 1).explain(request).raw();
    assertTrue(automatic.allClose(one, 0, 0), "automatic vs one image per pass");
  }
}
