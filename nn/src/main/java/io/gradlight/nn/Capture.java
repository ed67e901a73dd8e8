package io.gradlight.nn;

import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;

/**
 * The output of one layer in the next forward pass, recorded by a forward hook: the activation
 * {@code A} that Grad-CAM differentiates the class score with respect to ({@code
 * Autograd.grad(score, A)}). Made by {@link Module#capture}; like every forward hook it lives for
 * one forward pass (closing it earlier removes it).
 */
public final class Capture implements Scope {
  private final String layer;
  private Variable output;
  private Scope hook;

  Capture(String layer) {
    this.layer = layer;
  }

  void attach(Scope hook) {
    this.hook = hook;
  }

  void record(Variable output) {
    this.output = output;
  }

  /** The layer's dotted name. */
  public String layer() {
    return layer;
  }

  /** The layer's output in the forward pass (the last one if the layer ran several times). */
  public Variable output() {
    if (output == null) {
      throw new IllegalStateException(
          "layer '"
              + layer
              + "' has not run since the capture was"
              + " registered: run the model's forward first");
    }
    return output;
  }

  /** Whether the layer has run since the capture was registered. */
  public boolean hasOutput() {
    return output != null;
  }

  @Override
  public void close() {
    hook.close();
  }
}
