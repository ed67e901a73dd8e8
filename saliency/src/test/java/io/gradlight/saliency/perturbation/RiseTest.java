package io.gradlight.saliency.perturbation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.Targets;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.kernels.Parallel;
import org.junit.jupiter.api.Test;

class RiseTest {
  private final Rise rise = new Rise(300, 4, 0.5, 64);
  private final ExplainRequest request =
      ExplainRequest.of(TinyModels.cnn(false, 7), TinyModels.images(2, 16, 3))
          .withTargets(Targets.of(0, 2)).withSeed(42);

  @Test
  void sameSeedSameMapOnOneAndTwoThreads() {
    Tensor one = Parallel.withThreads(1, () -> rise.explain(request)).raw();
    Tensor two = Parallel.withThreads(2, () -> rise.explain(request)).raw();
    assertArrayEquals(one.toDoubleArray(), two.toDoubleArray());
    assertArrayEquals(one.toDoubleArray(), rise.explain(request).raw().toDoubleArray());
  }

  @Test
  void anotherSeedAnotherMap() {
    Tensor a = rise.explain(request).raw();
    Tensor b = rise.explain(request.withSeed(43)).raw();
    assertFalse(a.allClose(b, 0, 1e-6));
  }

  @Test
  void batchEqualsImageByImage() {
    SaliencyMap batch = rise.explain(request);
    assertEquals(2, batch.raw().dim(0));
    assertEquals(16, batch.raw().dim(2));
    assertNull(batch.layer());
    for (int i = 0; i < 2; i++) {
      SaliencyMap one = TinyModels.single(rise, request.withTargets(Targets.of(i * 2)), i);
      assertTrue(batch.raw().slice(0, i, i + 1).allClose(one.raw(), 0, 1e-12), "image " + i);
    }
  }

  @Test
  void aConstantProbabilityGivesAboutThatProbabilityEverywhere() {
    // The region model's two logits are equal on a zero image: probability 1/2 for every mask,
    // so raw = (1/2) sum_m M_m / (N p), which is 1/2 on average over the masks.
    ExplainRequest zero = ExplainRequest.of(TinyModels.region(0, 0, 4),
        Tensor.zeros(request.input().dtype(), 1, 3, 16, 16)).withTargets(Targets.of(0));
    Tensor raw = new Rise(2000, 4, 0.3, 256).explain(zero).raw();
    assertEquals(0.5, raw.mean().item(), 0.01);
    assertTrue(raw.minValue() > 0.4 && raw.maxValue() < 0.6, raw.toString());
  }

  @Test
  void highlightsTheRegionTheModelLooksAt() {
    ExplainRequest looking = ExplainRequest.of(TinyModels.region(8, 0, 8),
        TinyModels.images(1, 16, 9)).withTargets(Targets.of(0));
    Tensor raw = rise.explain(looking).raw();
    double inside = raw.slice(1, 8, 16).slice(2, 0, 8).mean().item();
    double outside = raw.slice(1, 0, 8).slice(2, 8, 16).mean().item();
    assertTrue(inside > outside + 0.01, "inside " + inside + ", outside " + outside);
  }

  @Test
  void optionsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new Rise(0, 7, 0.5, 32));
    assertThrows(IllegalArgumentException.class, () -> new Rise(10, 0, 0.5, 32));
    assertThrows(IllegalArgumentException.class, () -> new Rise(10, 7, 0.0, 32));
    assertThrows(IllegalArgumentException.class, () -> new Rise(10, 7, 1.5, 32));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Rise(10, 17, 0.5, 32).explain(request));
    assertTrue(e.getMessage().contains("grid size 17 exceeds the input 16x16"), e.getMessage());
  }
}
