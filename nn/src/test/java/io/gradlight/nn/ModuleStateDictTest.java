package io.gradlight.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.layers.Sequential;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.IntegerArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Module#stateDict()} and {@link Module#loadStateDict}. */
class ModuleStateDictTest {

  @Test
  void namesFollowPyTorchOrderWithTheCounterAsAnIntegerScalar() {
    StateDict state = TinyNet.create(1).stateDict();
    assertEquals(List.of(TinyNet.NAMES), state.names());
    assertTrue(state.isInteger("1.num_batches_tracked"));
    assertEquals(Shape.scalar(), state.shape("1.num_batches_tracked"));
    assertEquals(Shape.of(3, 2, 3, 3), state.shape("0.weight"));
  }

  @Test
  void roundTripReproducesTheOutputsAndTheBatchNormState() {
    Sequential a = TinyNet.create(1);
    a.forward(Variable.constant(TinyNet.input(DType.F32, 7)));
    Sequential b = TinyNet.create(2);
    Module.LoadResult result = b.loadStateDict(a.stateDict(), true);
    assertEquals(List.of(), result.missing());
    assertEquals(1, b.stateDict().integers("1.num_batches_tracked").values()[0]);
    a.eval();
    b.eval();
    Tensor x = TinyNet.input(DType.F32, 8);
    assertArrayEquals(
        a.forward(Variable.constant(x)).value().f32(),
        b.forward(Variable.constant(x)).value().f32());
  }

  @Test
  void loadingCopiesTheTensors() {
    StateDict state = TinyNet.create(1).stateDict();
    Sequential b = TinyNet.create(2);
    b.loadStateDict(state, true);
    state.tensor("0.bias").f32()[0] += 1;
    assertNotEquals(state.tensor("0.bias").f32()[0], b.stateDict().tensor("0.bias").f32()[0]);
  }

  @Test
  void strictLoadListsEveryMissingUnexpectedAndMisshapedKeyAndLoadsNothing() {
    StateDict state = TinyNet.create(1).stateDict();
    StateDict bad = new StateDict();
    for (String n : state.names()) {
      if (!n.equals("5.bias") && !n.equals("1.running_var") && !n.equals("0.weight")) {
        if (state.isInteger(n)) {
          bad.put(n, state.integers(n));
        } else {
          bad.put(n, state.tensor(n));
        }
      }
    }
    bad.put("0.weight", Tensor.zeros(DType.F32, 3, 2, 5, 5));
    bad.put("head.weight", Tensor.zeros(DType.F32, 2));
    Sequential b = TinyNet.create(2);
    Tensor before = b.stateDict().tensor("1.bias");
    StateDictException e = assertThrows(StateDictException.class, () -> b.loadStateDict(bad, true));
    assertEquals(List.of("1.running_var", "5.bias"), e.missing());
    assertEquals(List.of("head.weight"), e.unexpected());
    assertEquals(
        List.of("0.weight (model F32 [3, 2, 3, 3], state dict F32 [3, 2, 5, 5])"), e.mismatched());
    for (String part :
        List.of(
            "2 missing keys: 1.running_var, 5.bias",
            "1 unexpected key: head.weight",
            "1 mis-shaped key: 0.weight")) {
      assertTrue(e.getMessage().contains(part), e.getMessage());
    }
    assertSame(before, b.stateDict().tensor("1.bias"), "nothing is loaded");
  }

  @Test
  void nonStrictLoadReturnsTheSkippedKeysButStillRejectsMisshapedOnes() {
    StateDict state = TinyNet.create(1).stateDict();
    StateDict partial =
        new StateDict()
            .put("0.weight", state.tensor("0.weight"))
            .put("extra", Tensor.ones(DType.F32, 1));
    Sequential b = TinyNet.create(2);
    Module.LoadResult r = b.loadStateDict(partial, false);
    assertEquals(List.of("extra"), r.unexpected());
    assertEquals(8, r.missing().size());
    assertArrayEquals(state.tensor("0.weight").f32(), b.stateDict().tensor("0.weight").f32());

    partial.put("5.bias", Tensor.ones(DType.F32, 5));
    StateDictException e =
        assertThrows(StateDictException.class, () -> b.loadStateDict(partial, false));
    assertEquals(List.of(), e.missing());
    assertEquals(1, e.mismatched().size());
  }

  @Test
  void integerAndFloatEntriesCannotStandInForEachOther() {
    StateDict state = TinyNet.create(1).stateDict();
    state.put("1.num_batches_tracked", Tensor.zeros(DType.F32));
    state.put("0.bias", new IntegerArray("I64", Shape.of(3), new long[3], false));
    StateDictException e =
        assertThrows(StateDictException.class, () -> TinyNet.create(2).loadStateDict(state, true));
    assertEquals(2, e.mismatched().size(), e.getMessage());
    assertTrue(
        e.getMessage().contains("1.num_batches_tracked (model I64 [], state dict F32 [])"),
        e.getMessage());
  }

  @Test
  void floatEntriesAreConvertedToTheModelsDtype() {
    StateDict state = TinyNet.create(1).stateDict();
    Sequential b = TinyNet.create(2);
    b.to(DType.F64);
    b.loadStateDict(state, true);
    assertEquals(DType.F64, b.stateDict().tensor("5.weight").dtype());
    assertEquals(state.tensor("5.weight").get(1, 2), b.stateDict().tensor("5.weight").get(1, 2));
  }
}
