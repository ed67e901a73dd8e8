package io.gradlight.autograd;

import static io.gradlight.autograd.TestTensors.distinct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class GradModeTest {

  @Test
  @SuppressWarnings("try")
  void disabledRecordsNothingAndRestores() {
    Variable x = Variable.leaf(distinct(1, 3));
    long before = Autograd.nodesCreated();
    try (Scope s = GradMode.disabled()) {
      Variable y = x.exp().mul(x);
      assertFalse(y.requiresGrad());
      assertNull(y.gradFn());
      assertFalse(GradMode.isEnabled());
    }
    assertEquals(before, Autograd.nodesCreated());
    assertTrue(GradMode.isEnabled());
    assertTrue(x.exp().requiresGrad());
  }

  @Test
  @SuppressWarnings("try")
  void scopesNestAndRestoreAfterAnException() {
    assertThrows(IllegalStateException.class, () -> {
      try (Scope off = GradMode.disabled()) {
        try (Scope on = GradMode.enabled()) {
          assertTrue(GradMode.isEnabled());
        }
        assertFalse(GradMode.isEnabled());
        throw new IllegalStateException("boom");
      }
    });
    assertTrue(GradMode.isEnabled());
  }

  @Test
  @SuppressWarnings("try")
  void theModeIsThreadConfined() throws InterruptedException {
    AtomicBoolean otherThreadSaw = new AtomicBoolean(false);
    try (Scope s = GradMode.disabled()) {
      Thread t = new Thread(() -> otherThreadSaw.set(GradMode.isEnabled()));
      t.start();
      t.join();
      assertFalse(GradMode.isEnabled());
    }
    assertTrue(otherThreadSaw.get());
  }

  @Test
  void closingTwiceIsHarmless() {
    Scope outer = GradMode.disabled();
    outer.close();
    Scope inner = GradMode.disabled();
    outer.close(); // must not re-enable: the first close already restored
    assertFalse(GradMode.isEnabled());
    inner.close();
    inner.close();
    assertTrue(GradMode.isEnabled());
  }
}
