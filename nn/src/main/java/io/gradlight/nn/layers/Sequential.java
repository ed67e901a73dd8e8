package io.gradlight.nn.layers;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import java.util.List;

/**
 * Layers applied in order, named {@code 0, 1, 2, ...} as in PyTorch's {@code nn.Sequential}, so
 * VGG's parameters are {@code features.0.weight}, {@code classifier.6.bias}.
 */
public final class Sequential extends Module {
  private final List<Module> layers;

  public Sequential(Module... layers) {
    this(List.of(layers));
  }

  public Sequential(List<? extends Module> layers) {
    this.layers = List.copyOf(layers);
    for (int i = 0; i < this.layers.size(); i++) {
      addModule(String.valueOf(i), this.layers.get(i));
    }
  }

  /** The layer at position {@code i}. */
  public Module get(int i) {
    return layers.get(i);
  }

  public int size() {
    return layers.size();
  }

  @Override
  protected Variable compute(Variable x) {
    Variable y = x;
    for (Module layer : layers) {
      y = layer.forward(y);
    }
    return y;
  }

  @Override
  public String toString() {
    return "Sequential(" + layers.size() + " layers)";
  }
}
