package io.gradlight.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Autograd;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.layers.Sequential;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Forward hooks: one pass each, thread-confined, closable, able to replace outputs. */
class ModuleHooksTest {
  private final Sequential net = TinyNet.create(1);
  private final Variable x = Variable.leaf(TinyNet.input(DType.F64, 3));

  ModuleHooksTest() {
    net.to(DType.F64).eval();
  }

  @Test
  void captureGivesTheLayerOutputAsAVariableToDifferentiateWithRespectTo() {
    Variable logits;
    Variable act;
    try (Capture c = net.capture("2")) {
      logits = net.forward(x);
      act = c.output();
    }
    assertEquals(Shape.of(2, 3, 5, 4), act.shape());
    assertTrue(act.value().minValue() >= 0, "the ReLU output");
    Variable g = Autograd.grad(logits.slice(1, 1, 2).sum(), act);
    assertEquals(act.shape(), g.shape());
  }

  @Test
  void aHookFiresInTheNextForwardPassOnlyEvenIfNeverClosed() {
    AtomicInteger calls = new AtomicInteger();
    net.registerForwardHook(
        "0",
        (m, in, out) -> {
          calls.incrementAndGet();
          return out;
        });
    net.forward(x);
    net.forward(x);
    assertEquals(1, calls.get());
  }

  @Test
  void aForwardOfAnotherPartOfTheModelLeavesTheHookInPlace() {
    AtomicInteger calls = new AtomicInteger();
    net.registerForwardHook(
        "0",
        (m, in, out) -> {
          calls.incrementAndGet();
          return out;
        });
    net.get(5).forward(Variable.constant(Tensor.zeros(DType.F64, 1, 3)));
    net.forward(x);
    net.forward(x);
    assertEquals(1, calls.get());
  }

  @Test
  void aHookOnANestedLayerLivesUntilTheOutermostCallReturns() {
    List<String> seen = new ArrayList<>();
    net.registerForwardHook(
        "0",
        (m, in, out) -> {
          seen.add("conv");
          return out;
        });
    net.registerForwardHook(
        "",
        (m, in, out) -> {
          seen.add("net");
          return out;
        });
    net.forward(x);
    assertEquals(List.of("conv", "net"), seen);
  }

  @Test
  void aFailingForwardStillRemovesTheHook() {
    AtomicInteger calls = new AtomicInteger();
    net.registerForwardHook(
        "0",
        (m, in, out) -> {
          calls.incrementAndGet();
          return out;
        });
    Variable wrong = Variable.constant(Tensor.zeros(DType.F64, 1, 5, 4, 4));
    assertThrows(IllegalArgumentException.class, () -> net.forward(wrong));
    net.forward(x);
    assertEquals(0, calls.get());
  }

  @Test
  void closingBeforeTheForwardRemovesTheHook() {
    AtomicInteger calls = new AtomicInteger();
    Scope h =
        net.registerForwardHook(
            "5",
            (m, in, out) -> {
              calls.incrementAndGet();
              return out;
            });
    h.close();
    h.close();
    net.forward(x);
    assertEquals(0, calls.get());
  }

  @Test
  void hooksFireOnlyOnTheRegisteringThread() throws InterruptedException {
    AtomicInteger calls = new AtomicInteger();
    try (Scope _ =
        net.registerForwardHook(
            "0",
            (m, in, out) -> {
              calls.incrementAndGet();
              return out;
            })) {
      Thread other = new Thread(() -> net.forward(x));
      other.start();
      other.join();
      assertEquals(0, calls.get());
      net.forward(x);
      assertEquals(1, calls.get());
    }
  }

  @Test
  void aHookMayReplaceTheOutput() {
    Variable normal = net.forward(x);
    try (Scope _ = net.registerForwardHook("2", (m, in, out) -> out.mul(0))) {
      Variable y = net.forward(x);
      Tensor bias = net.stateDict().tensor("5.bias");
      for (int n = 0; n < 2; n++) {
        for (int k = 0; k < 4; k++) {
          assertEquals(bias.get(k), y.value().get(n, k), 1e-15);
        }
      }
      assertFalse(normal.value().allClose(y.value(), 0, 1e-6));
    }
  }

  @Test
  void aReplacementOfAnotherShapeIsRejected() {
    net.registerForwardHook("2", (m, in, out) -> out.sum());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.forward(x));
    assertTrue(e.getMessage().contains("same shape"), e.getMessage());
  }

  @Test
  void unknownLayerNamesListTheLayers() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> net.capture("7"));
    assertTrue(e.getMessage().contains("no layer '7'"), e.getMessage());
    assertTrue(e.getMessage().contains("0, 1, 2, 3, 4, 5"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> net.module("0.weight"));
    assertSame(net.get(5), net.module("5"));
    assertSame(net, net.module(""));
  }

  @Test
  void aCaptureReadBeforeTheForwardSaysSo() {
    try (Capture c = net.capture("1")) {
      assertFalse(c.hasOutput());
      IllegalStateException e = assertThrows(IllegalStateException.class, c::output);
      assertTrue(e.getMessage().contains("has not run"), e.getMessage());
    }
  }
}
