package io.gradlight.saliency.metrics;

import io.gradlight.autograd.GradMode;
import io.gradlight.autograd.Scope;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.tensor.Tensor;
import java.util.Arrays;

/**
 * The softmax probability of one class per input, {@code softmax(f(x_i))[c_i]}, from forward
 * passes without a graph: the score every faithfulness metric here reads (the RISE evaluation wraps
 * its model in {@code nn.Softmax}; the Grad-CAM++ paper's Y and O are class confidences).
 */
final class ClassProbabilities {
  private ClassProbabilities() {}

  /** One forward pass of {@code inputs [M, C, H, W]} (the model's dtype); {@code classes[M]}. */
  static double[] of(Module model, Tensor inputs, int[] classes) {
    if (classes.length != inputs.dim(0)) {
      throw new IllegalArgumentException(classes.length + " classes for " + inputs.dim(0)
          + " inputs; give one class per input");
    }
    Tensor probabilities;
    try (Scope _ = GradMode.disabled()) {
      Variable logits = model.forward(Variable.constant(inputs));
      if (logits.rank() != 2) {
        throw new IllegalArgumentException("the model must output logits [N, classes], got "
            + logits.shape());
      }
      probabilities = logits.value().softmax(1);
    }
    int k = probabilities.dim(1);
    double[] p = probabilities.toDoubleArray();
    double[] out = new double[classes.length];
    for (int i = 0; i < classes.length; i++) {
      if (classes[i] < 0 || classes[i] >= k) {
        throw new IllegalArgumentException("class " + classes[i]
            + " is out of range; the model has " + k + " classes");
      }
      out[i] = p[i * k + classes[i]];
    }
    return out;
  }

  /** {@link #of} in chunks of at most {@code batchSize} inputs. */
  static double[] batched(Module model, Tensor inputs, int[] classes, int batchSize) {
    int n = inputs.dim(0);
    double[] out = new double[n];
    for (int start = 0; start < n; start += batchSize) {
      int end = Math.min(n, start + batchSize);
      int[] chunk = Arrays.copyOfRange(classes, start, end);
      System.arraycopy(of(model, inputs.slice(0, start, end), chunk), 0, out, start, end - start);
    }
    return out;
  }
}
