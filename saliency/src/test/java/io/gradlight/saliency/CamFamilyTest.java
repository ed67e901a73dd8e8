package io.gradlight.saliency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.Models;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every CAM-family method promises: batches, targets, shapes, errors. */
class CamFamilyTest {
  /** Seed 23 gives every image a Grad-CAM map with positive parts for both target lists. */
  private static final Module MODEL =
      Models.create("shapesnet", 5, Activation.RELU, 23).to(DType.F64).eval();
  private static final Tensor X =
      Tensor.uniform(DType.F64, Shape.of(3, 3, 32, 32), -1, 1, new SplittableRandom(8));
  private static final ExplainRequest REQUEST =
      ExplainRequest.of(MODEL, X).withLayer("features.14").withTargets(Targets.of(1, 3, 0));
  /** Relative tolerance between a batch's map and the same image's map alone. */
  private static final double BATCH_RTOL = 1e-10;

  static List<String> ids() {
    return CamFamily.METHODS.stream().map(Supplier::get).map(SaliencyMethod::id).toList();
  }

  /** Methods whose map of an image does not depend on the rest of the batch. */
  static List<String> perImageIds() {
    return ids().stream().filter(id -> !id.equals("smooth-gradcam++") && !id.equals("ccam"))
        .toList();
  }

  /** Methods that explain the request's targets (all but the set-level CCAM). */
  static List<String> targetedIds() {
    return ids().stream().filter(id -> !id.equals("ccam")).toList();
  }

  @Test
  void everyMethodIsRegisteredUnderItsId() {
    assertEquals(List.of("cam", "gradcam", "hirescam", "xgradcam", "layercam", "gradcam++",
        "gradcam++-exact", "smooth-gradcam++", "guided-gradcam", "pyramid-gradcam", "ccam"), ids());
    for (String id : ids()) {
      SaliencyMethod m = Methods.create(id);
      assertEquals(id, m.id());
      assertTrue(m.usesLayer(), id);
      assertFalse(m.paper().isBlank(), id);
    }
  }

  @ParameterizedTest
  @MethodSource("perImageIds")
  void aBatchGivesEachImageItsOwnMap(String id) {
    SaliencyMap batch = Methods.create(id).explain(REQUEST);
    int[] targets = {1, 3, 0};
    for (int n = 0; n < 3; n++) {
      ExplainRequest one =
          REQUEST.withInput(X.slice(0, n, n + 1)).withTargets(Targets.of(targets[n]));
      SaliencyMap alone = Methods.create(id).explain(one);
      assertClose(alone.raw(), batch.raw().slice(0, n, n + 1), id + " image " + n);
    }
    assertArrayEquals(targets, batch.classes());
  }

  @ParameterizedTest
  @MethodSource("perImageIds")
  void theTargetChangesTheMap(String id) {
    SaliencyMap first = Methods.create(id).explain(REQUEST);
    SaliencyMap other = Methods.create(id).explain(REQUEST.withTargets(Targets.of(2, 4, 1)));
    assertArrayEquals(new int[] {2, 4, 1}, other.classes());
    for (int n = 0; n < 3; n++) {
      Tensor a = first.raw().slice(0, n, n + 1);
      Tensor b = other.raw().slice(0, n, n + 1);
      assertTrue(a.sub(b).abs().maxValue() > 1e-6 * a.abs().maxValue(), id + " image " + n);
    }
  }

  @ParameterizedTest
  @MethodSource("ids")
  void displayMapsAreInputSizedInTheUnitInterval(String id) {
    SaliencyMap map = Methods.create(id).explain(REQUEST);
    assertEquals(Shape.of(3, 32, 32), map.display().shape(), id);
    assertTrue(map.display().minValue() >= 0 && map.display().maxValue() <= 1, id);
    assertEquals(id, map.method());
    assertEquals(3, map.raw().dim(0), id);
  }

  @ParameterizedTest
  @MethodSource("ids")
  void aLayerWithoutSpatialOutputIsRefused(String id) {
    ExplainRequest r = REQUEST.withLayer("fc");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Methods.create(id).explain(r));
    assertTrue(e.getMessage().contains("layer 'fc' outputs [3, 5]"), id + ": " + e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("targetedIds")
  void aTargetListOfTheWrongLengthIsRefused(String id) {
    ExplainRequest r = REQUEST.withTargets(Targets.of(1, 2));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Methods.create(id).explain(r));
    assertTrue(e.getMessage().contains("2 class indices for a batch of 3"), id);
  }

  private static void assertClose(Tensor expected, Tensor actual, String what) {
    assertEquals(expected.shape(), actual.shape(), what);
    double scale = expected.abs().maxValue();
    double diff = expected.sub(actual).abs().maxValue();
    assertTrue(scale > 0 && diff <= BATCH_RTOL * scale, what + ": " + diff + " vs " + scale);
  }
}
