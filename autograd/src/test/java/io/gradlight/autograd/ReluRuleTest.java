package io.gradlight.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlight.tensor.Tensor;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReluRuleTest {
  // inputs x and incoming gradients gy: all four sign combinations
  private static final double[] X = {1.0, 1.0, -1.0, -1.0};
  private static final double[] GY = {2.0, -3.0, 4.0, -5.0};

  private static double[] reluGradient() {
    Variable x = Variable.leaf(Tensor.of(X, 4));
    Variable gy = Variable.constant(Tensor.of(GY, 4));
    Variable gx = Autograd.grad(List.of(x.relu()), List.of(x), List.of(gy), false).get(0);
    return gx.value().toDoubleArray();
  }

  @Test
  @SuppressWarnings("try")
  void theThreeRules() {
    assertArrayEquals(new double[] {2, -3, 0, 0}, reluGradient(), 0);
    try (Scope r = ReluRule.guided()) {
      assertArrayEquals(new double[] {2, 0, 0, 0}, reluGradient(), 0);
    }
    try (Scope r = ReluRule.deconvnet()) {
      assertArrayEquals(new double[] {2, 0, 4, 0}, reluGradient(), 0);
    }
    assertArrayEquals(new double[] {2, -3, 0, 0}, reluGradient(), 0);
  }

  @Test
  @SuppressWarnings("try")
  void closingRestoresEvenAfterAnException() {
    assertThrows(IllegalStateException.class, () -> {
      try (Scope r = ReluRule.guided()) {
        throw new IllegalStateException("boom");
      }
    });
    assertEquals(ReluRule.STANDARD, ReluRule.current());
  }

  @Test
  @SuppressWarnings("try")
  void twoThreadsWithDifferentRulesDoNotSeeEachOther() throws Exception {
    CountDownLatch bothInside = new CountDownLatch(2);
    AtomicReference<double[]> guided = new AtomicReference<>();
    AtomicReference<double[]> deconv = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread a = new Thread(() -> runInScope(ReluRule.GUIDED, bothInside, guided, failure));
    Thread b = new Thread(() -> runInScope(ReluRule.DECONVNET, bothInside, deconv, failure));
    a.start();
    b.start();
    a.join();
    b.join();
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
    assertArrayEquals(new double[] {2, 0, 0, 0}, guided.get(), 0);
    assertArrayEquals(new double[] {2, 0, 4, 0}, deconv.get(), 0);
    assertEquals(ReluRule.STANDARD, ReluRule.current());
  }

  @SuppressWarnings("try")
  private static void runInScope(ReluRule rule, CountDownLatch bothInside,
      AtomicReference<double[]> out, AtomicReference<Throwable> failure) {
    try (Scope r = ReluRule.use(rule)) {
      bothInside.countDown();
      bothInside.await(); // both rules are set at once before either thread computes
      out.set(reluGradient());
    } catch (Throwable t) {
      failure.set(t);
    }
  }
}
