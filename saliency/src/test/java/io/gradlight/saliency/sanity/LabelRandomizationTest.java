package io.gradlight.saliency.sanity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.Module;
import io.gradlight.nn.data.Shapes;
import io.gradlight.nn.data.ShapesBatch;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.train.TrainingListener;
import io.gradlight.nn.zoo.Models;
import java.util.Arrays;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class LabelRandomizationTest {
  private static final LongFunction<Module> SHAPESNET =
      s -> Models.create("shapesnet", 8, Activation.RELU, s);
  /** Sixteen small images: quick to memorise. */
  private static final ShapesBatch DATA = new Shapes(16, false).batch(0, 16, 3);
  private static final LabelRandomization RUN = new LabelRandomization(40, 4, 5e-3, 7);

  @Test
  void memorisesAPermutationOfTheLabels() {
    LabelRandomization.Result r = RUN.train(SHAPESNET, DATA.images(), DATA.labels(),
        TrainingListener.NONE);
    int[] sorted = r.labels();
    Arrays.sort(sorted);
    int[] expected = DATA.labels();
    Arrays.sort(expected);
    assertArrayEquals(expected, sorted);
    assertFalse(Arrays.equals(DATA.labels(), r.labels()), "the labels must be permuted");
    assertEquals(40, r.epochs().size());
    assertFalse(r.model().isTraining());
    assertTrue(r.trainAccuracy() >= LabelRandomization.PAPER_TRAIN_ACCURACY,
        "accuracy on the permuted labels " + r.trainAccuracy());
  }

  @Test
  void theSeedDecidesEverything() {
    LabelRandomization shortRun = RUN.withEpochs(1);
    var a = shortRun.train(SHAPESNET, DATA.images(), DATA.labels(), TrainingListener.NONE);
    var b = shortRun.train(SHAPESNET, DATA.images(), DATA.labels(), TrainingListener.NONE);
    var c = new LabelRandomization(1, 4, 5e-3, 8).train(SHAPESNET, DATA.images(), DATA.labels(),
        TrainingListener.NONE);
    assertArrayEquals(a.labels(), b.labels());
    assertTrue(a.model().stateDict().tensor("fc.weight")
        .allClose(b.model().stateDict().tensor("fc.weight"), 0, 0));
    assertFalse(Arrays.equals(a.labels(), c.labels()));
  }

  @Test
  void badArgumentsAreErrors() {
    assertThrows(IllegalArgumentException.class, () -> new LabelRandomization(0, 4, 1e-3, 0));
    assertThrows(IllegalArgumentException.class, () -> new LabelRandomization(1, 0, 1e-3, 0));
    assertThrows(IllegalArgumentException.class, () -> new LabelRandomization(1, 4, 0, 0));
    var e = assertThrows(IllegalArgumentException.class, () -> RUN.train(SHAPESNET,
        DATA.images(), new int[3], TrainingListener.NONE));
    assertTrue(e.getMessage().contains("for 3 labels"), e.getMessage());
  }
}
