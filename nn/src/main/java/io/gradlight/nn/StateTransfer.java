package io.gradlight.nn;

import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.IntegerArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Copies a module's state entries to a {@link StateDict} and back, checking every name first. */
final class StateTransfer {
  private StateTransfer() {}

  /** The entries' values by name; tensors shared, counters as I64 scalars. */
  static StateDict save(Map<String, StateEntry> entries) {
    StateDict out = new StateDict();
    entries.forEach(
        (name, entry) -> {
          switch (entry) {
            case Parameter p -> out.put(name, p.value());
            case Buffer b -> out.put(name, b.value());
            case Counter c ->
                out.put(
                    name, new IntegerArray("I64", Shape.scalar(), new long[] {c.value()}, false));
          }
        });
    return out;
  }

  /** {@link Module#loadStateDict}: checks every name, then loads all or nothing. */
  static Module.LoadResult load(
      String model, Map<String, StateEntry> entries, StateDict state, boolean strict) {
    List<String> missing = new ArrayList<>();
    List<String> mismatched = new ArrayList<>();
    entries.forEach(
        (name, entry) -> {
          if (!state.contains(name)) {
            missing.add(name);
          } else if (!fits(entry, state, name)) {
            mismatched.add(
                name + " (model " + describe(entry) + ", state dict " + state.describe(name) + ")");
          }
        });
    List<String> unexpected = new ArrayList<>();
    for (String name : state.names()) {
      if (!entries.containsKey(name)) {
        unexpected.add(name);
      }
    }
    if (!mismatched.isEmpty() || strict && !(missing.isEmpty() && unexpected.isEmpty())) {
      throw new StateDictException(
          model, strict ? missing : List.of(), strict ? unexpected : List.of(), mismatched);
    }
    entries.forEach(
        (name, entry) -> {
          if (state.contains(name)) {
            switch (entry) {
              case Parameter p -> p.set(copyAs(state.tensor(name), p.dtype()));
              case Buffer b -> b.set(copyAs(state.tensor(name), b.dtype()));
              case Counter c -> c.set(state.integers(name).values()[0]);
            }
          }
        });
    return new Module.LoadResult(List.copyOf(missing), List.copyOf(unexpected));
  }

  private static boolean fits(StateEntry entry, StateDict state, String name) {
    Shape shape = state.shape(name);
    return switch (entry) {
      case Parameter p -> !state.isInteger(name) && shape.equals(p.shape());
      case Buffer b -> !state.isInteger(name) && shape.equals(b.shape());
      case Counter c -> state.isInteger(name) && shape.rank() == 0;
    };
  }

  private static String describe(StateEntry entry) {
    return switch (entry) {
      case Parameter p -> p.dtype() + " " + p.shape();
      case Buffer b -> b.dtype() + " " + b.shape();
      case Counter c -> "I64 " + Shape.scalar();
    };
  }

  private static Tensor copyAs(Tensor t, DType dtype) {
    return t.dtype() == dtype ? t.copy() : t.to(dtype);
  }
}
