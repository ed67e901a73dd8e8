package io.gradlight.nn;

import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A layer or a model: a function of one {@link Variable} with named children, parameters, buffers
 * and counters, addressed by PyTorch's dotted names ({@code layer4.1.conv2}, {@code
 * features.28.bias}).
 *
 * <p><b>Writing a module.</b> A subclass registers its parts in its constructor with {@link
 * #addModule}, {@link #addParameter}, {@link #addBuffer} and {@link #addCounter} (in PyTorch's
 * order, so {@link #stateDict()} lists names as PyTorch does: a module's parameters, then its
 * buffers, then its counters, then each child's) and implements {@link #compute}. Users call {@link
 * #forward}, which runs {@code compute} and then the forward hooks.
 *
 * <p><b>State.</b> {@link #stateDict()} and {@link #loadStateDict} use the names PyTorch uses, so
 * torchvision and timm weights saved as safetensors load without renaming. Loading checks every
 * name first and reports every missing, unexpected and mis-shaped key in one {@link
 * StateDictException}; nothing is loaded when it throws.
 *
 * <p><b>Forward hooks</b> ({@link #registerForwardHook}, {@link #capture}) live for one forward
 * pass. A hook fires each time its layer runs on the registering thread, and is removed when the
 * next outermost {@link #forward} call on that thread of its layer or of any module containing it
 * returns, normally or by an exception, whether or not the layer ran. Closing its handle earlier
 * removes it too. So a hook whose handle was never closed (say, after a failed explanation) cannot
 * leak into the next call, and hooks registered on one thread never fire on another.
 *
 * <p><b>Modes and dtype.</b> {@link #train()} and {@link #eval()} switch BatchNorm and Dropout for
 * the whole tree; {@link #to(DType)} converts every parameter and buffer to F32 or F64.
 */
public abstract class Module {
  /** Whether this thread is inside a forward call (so a nested call is not the outermost). */
  private static final ThreadLocal<Boolean> IN_PASS = ThreadLocal.withInitial(() -> false);

  private final Map<String, Module> children = new LinkedHashMap<>();
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();
  private final Map<String, Buffer> buffers = new LinkedHashMap<>();
  private final Map<String, Counter> counters = new LinkedHashMap<>();
  private final List<HookEntry> hooks = new CopyOnWriteArrayList<>();
  private boolean training = true;

  /** What {@link #loadStateDict} skipped when not strict (both empty when strict). */
  public record LoadResult(List<String> missing, List<String> unexpected) {}

  // ---- registration (constructors of subclasses) ------------------------------------------------

  /** Registers {@code child} under {@code name} and returns it. */
  protected final <M extends Module> M addModule(String name, M child) {
    checkNewName(name);
    if (child == null) {
      throw new IllegalArgumentException("child module '" + name + "' is null");
    }
    children.put(name, child);
    return child;
  }

  /** Registers a learnable tensor with initial value {@code value}. */
  protected final Parameter addParameter(String name, Tensor value) {
    checkNewName(name);
    Parameter p = new Parameter(value);
    parameters.put(name, p);
    return p;
  }

  /** Registers a floating-point state tensor that is not learned. */
  protected final Buffer addBuffer(String name, Tensor value) {
    checkNewName(name);
    Buffer b = new Buffer(value);
    buffers.put(name, b);
    return b;
  }

  /** Registers an integer counter starting at 0 (saved as an int64 scalar). */
  protected final Counter addCounter(String name) {
    checkNewName(name);
    Counter c = new Counter();
    counters.put(name, c);
    return c;
  }

  private void checkNewName(String name) {
    if (name == null || name.isEmpty() || name.contains(".")) {
      throw new IllegalArgumentException(
          "a name in a module must be non-empty without '.', got '" + name + "'");
    }
    if (children.containsKey(name)
        || parameters.containsKey(name)
        || buffers.containsKey(name)
        || counters.containsKey(name)) {
      throw new IllegalArgumentException(
          getClass().getSimpleName() + " already has a member named '" + name + "'");
    }
  }

  // ---- forward ----------------------------------------------------------------------------------

  /** The module's function; called by {@link #forward}. */
  protected abstract Variable compute(Variable x);

  /** Runs the module on {@code x}, then its forward hooks (see the class comment). */
  public final Variable forward(Variable x) {
    boolean outermost = !IN_PASS.get();
    if (outermost) {
      IN_PASS.set(true);
    }
    try {
      Variable y = compute(x);
      for (HookEntry h : hooks) {
        if (h.thread == Thread.currentThread()) {
          y = h.fire(this, x, y);
        }
      }
      return y;
    } finally {
      if (outermost) {
        IN_PASS.set(false);
        Thread current = Thread.currentThread();
        namedModules().values().forEach(m -> m.hooks.removeIf(h -> h.thread == current));
      }
    }
  }

  // ---- structure --------------------------------------------------------------------------------

  /** The direct children by name, in registration order (unmodifiable). */
  public final Map<String, Module> children() {
    return Collections.unmodifiableMap(children);
  }

  /** This module (name {@code ""}) and every descendant by dotted name, in pre-order. */
  public final Map<String, Module> namedModules() {
    Map<String, Module> out = new LinkedHashMap<>();
    collectModules("", out);
    return out;
  }

  private void collectModules(String name, Map<String, Module> out) {
    out.put(name, this);
    children.forEach((k, child) -> child.collectModules(join(name, k), out));
  }

  /** The descendant called {@code name} ({@code ""} is this module). */
  public final Module module(String name) {
    Module m = this;
    if (!name.isEmpty()) {
      for (String part : name.split("\\.", -1)) {
        m = m.children.get(part);
        if (m == null) {
          List<String> names = new ArrayList<>(namedModules().keySet());
          names.remove("");
          throw new IllegalArgumentException(
              "no layer '"
                  + name
                  + "' in "
                  + getClass().getSimpleName()
                  + "; its layers are: "
                  + String.join(", ", names));
        }
      }
    }
    return m;
  }

  /** Every parameter by dotted name, in state-dict order. */
  public final Map<String, Parameter> namedParameters() {
    Map<String, Parameter> out = new LinkedHashMap<>();
    namedModules()
        .forEach((prefix, m) -> m.parameters.forEach((k, p) -> out.put(join(prefix, k), p)));
    return out;
  }

  /** Every parameter, in state-dict order (what an optimizer updates). */
  public final List<Parameter> parameters() {
    return List.copyOf(namedParameters().values());
  }

  /** The number of parameter elements in the whole tree. */
  public final long parameterCount() {
    return parameters().stream().mapToLong(Parameter::size).sum();
  }

  private long ownParameterCount() {
    return parameters.values().stream().mapToLong(Parameter::size).sum();
  }

  // ---- state ------------------------------------------------------------------------------------

  /** Parameters, buffers and counters by PyTorch name; tensors shared, not copied. */
  public final StateDict stateDict() {
    return StateTransfer.save(stateEntries());
  }

  /**
   * Loads {@code state} (tensors copied and converted to each parameter's dtype). Every name is
   * checked before anything is loaded: a shape or kind mismatch is always an error; a missing or
   * unexpected name is an error when {@code strict} and is returned otherwise.
   *
   * @throws StateDictException listing every bad name; the module is then unchanged
   */
  public final LoadResult loadStateDict(StateDict state, boolean strict) {
    return StateTransfer.load(getClass().getSimpleName(), stateEntries(), state, strict);
  }

  /** Every parameter, buffer and counter by PyTorch name, in state-dict order. */
  private Map<String, StateEntry> stateEntries() {
    Map<String, StateEntry> out = new LinkedHashMap<>();
    collectState("", out);
    return out;
  }

  private void collectState(String prefix, Map<String, StateEntry> out) {
    parameters.forEach((k, p) -> out.put(join(prefix, k), p));
    buffers.forEach((k, b) -> out.put(join(prefix, k), b));
    counters.forEach((k, c) -> out.put(join(prefix, k), c));
    children.forEach((k, child) -> child.collectState(join(prefix, k), out));
  }

  // ---- modes and dtype --------------------------------------------------------------------------

  /** Training mode for the whole tree (BatchNorm uses batch statistics, Dropout drops). */
  public final Module train() {
    return train(true);
  }

  /** Evaluation mode for the whole tree (BatchNorm uses running statistics, Dropout is off). */
  public final Module eval() {
    return train(false);
  }

  /** Training ({@code true}) or evaluation mode for the whole tree. */
  public final Module train(boolean mode) {
    namedModules().values().forEach(m -> m.training = mode);
    return this;
  }

  public final boolean isTraining() {
    return training;
  }

  /** Converts every parameter and buffer of the tree to {@code dtype}; returns this module. */
  public final Module to(DType dtype) {
    for (Module m : namedModules().values()) {
      m.parameters.values().forEach(p -> p.to(dtype));
      m.buffers.values().forEach(b -> b.to(dtype));
    }
    return this;
  }

  /** The dtype of the parameters (F32 for a module without any). */
  public final DType dtype() {
    List<Parameter> ps = parameters();
    return ps.isEmpty() ? DType.F32 : ps.get(0).dtype();
  }

  /** Freezes ({@code false}) or unfreezes every parameter; returns this module. */
  public final Module requiresGrad(boolean requiresGrad) {
    parameters().forEach(p -> p.setRequiresGrad(requiresGrad));
    return this;
  }

  /** Forgets every parameter's accumulated gradient. */
  public final void zeroGrad() {
    parameters().forEach(Parameter::zeroGrad);
  }

  // ---- hooks and layer listing ------------------------------------------------------------------

  /**
   * Calls {@code hook} with the input and output of the layer {@code layer} (dotted name; {@code
   * ""} for this module) each time the layer runs in the next forward pass on this thread; the hook
   * is removed when that pass returns (see the class comment) or the handle is closed.
   */
  public final Scope registerForwardHook(String layer, ForwardHook hook) {
    if (hook == null) {
      throw new IllegalArgumentException("the forward hook for '" + layer + "' is null");
    }
    Module target = module(layer);
    HookEntry entry = new HookEntry(target, hook, Thread.currentThread());
    target.hooks.add(entry);
    return entry::close;
  }

  /** Records the output of layer {@code layer} in the next forward pass (see {@link Capture}). */
  public final Capture capture(String layer) {
    Capture capture = new Capture(layer);
    capture.attach(
        registerForwardHook(
            layer,
            (m, in, out) -> {
              capture.record(out);
              return out;
            }));
    return capture;
  }

  /**
   * Every layer below this module with its output shape for an input of {@code inputShape} (e.g.
   * {@code [1, 3, 64, 64]}), in {@link #namedModules()} order. Runs one forward pass on zeros in
   * evaluation mode without recording a graph, and restores each module's mode; a layer that does
   * not run has a null output shape.
   */
  public final List<LayerInfo> layers(Shape inputShape) {
    Map<String, Module> modules = namedModules();
    Map<Module, Boolean> modes = new LinkedHashMap<>();
    modules.values().forEach(m -> modes.put(m, m.training));
    Map<String, Shape> shapes = new LinkedHashMap<>();
    List<Scope> handles = new ArrayList<>();
    eval();
    try (Scope _ = GradMode.disabled()) {
      modules
          .keySet()
          .forEach(
              name ->
                  handles.add(
                      registerForwardHook(
                          name,
                          (m, in, out) -> {
                            shapes.put(name, out.shape());
                            return out;
                          })));
      forward(Variable.constant(Tensor.zeros(dtype(), inputShape)));
    } finally {
      handles.forEach(Scope::close);
      modes.forEach((m, mode) -> m.training = mode);
    }
    List<LayerInfo> rows = new ArrayList<>();
    modules.forEach(
        (name, m) -> {
          if (!name.isEmpty()) {
            rows.add(new LayerInfo(name, m.toString(), shapes.get(name), m.ownParameterCount()));
          }
        });
    return rows;
  }

  /** PyTorch's {@code repr} of the layer without its children, e.g. {@code ReLU()}. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "()";
  }

  private static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  /** A registered forward hook; closing it removes it from its layer. */
  private static final class HookEntry {
    private final Module layer;
    private final ForwardHook hook;
    private final Thread thread;

    HookEntry(Module layer, ForwardHook hook, Thread thread) {
      this.layer = layer;
      this.hook = hook;
      this.thread = thread;
    }

    Variable fire(Module m, Variable input, Variable output) {
      Variable y = hook.onForward(m, input, output);
      if (y == null || !y.shape().equals(output.shape())) {
        throw new IllegalStateException(
            "a forward hook on "
                + m
                + " returned "
                + (y == null ? "null" : "shape " + y.shape())
                + " for an output of shape "
                + output.shape()
                + "; return the output or a replacement of the same shape");
      }
      return y;
    }

    void close() {
      layer.hooks.remove(this);
    }
  }
}
