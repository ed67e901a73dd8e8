package io.gradlight.nn.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.autograd.Autograd;
import io.gradlight.autograd.Variable;
import io.gradlight.nn.Capture;
import io.gradlight.nn.Module;
import io.gradlight.nn.StateDict;
import io.gradlight.nn.layers.Activation;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * torchvision parity: resnet18 and vgg11 (10 classes, eval mode, 64x64 input) with the fixture
 * weights of {@link FixtureWeights}, saved as safetensors and loaded through {@code loadStateDict},
 * agree with PyTorch 1.13 (float64) on the logits, the gradient of logit {@value NnFixtures#TARGET}
 * with respect to the input, and a layer's output and the gradient with respect to it (resnet18
 * {@code layer4}, vgg11 {@code features.19}): within {@link #F32_RTOL} in F32 and {@link #F64_RTOL}
 * in F64, relative to the largest reference magnitude. The state-dict names and shapes equal
 * torchvision's exactly.
 */
class ZooParityTest {
  /** Relative tolerance (max abs difference / max abs reference) for F32 models. */
  static final double F32_RTOL = 1e-4;

  /** Relative tolerance for F64 models. */
  static final double F64_RTOL = 1e-9;

  @TempDir Path tmp;

  @Test
  void resnet18MatchesTorchvision() throws IOException {
    check("resnet18", "layer4", ResNet.resnet18(NnFixtures.CLASSES, Activation.RELU, 0));
  }

  @Test
  void vgg11MatchesTorchvision() throws IOException {
    check("vgg11", "features.19", Vgg.vgg11(NnFixtures.CLASSES, Activation.RELU, 0));
  }

  private void check(String name, String layer, Module model) throws IOException {
    assertEquals(
        NnFixtures.lines(name + "_names.txt"),
        sortedNamesAndShapes(model.stateDict()),
        name + ": state-dict names and shapes differ from torchvision's");
    loadFixtureWeightsThroughSafetensors(name, model);
    model.eval().requiresGrad(false);
    Tensor input = NnFixtures.npy("input.npy");
    for (DType dtype : new DType[] {DType.F32, DType.F64}) {
      model.to(dtype);
      Variable x = Variable.leaf(input.to(dtype));
      Variable logits;
      Variable activation;
      try (Capture capture = model.capture(layer)) {
        logits = model.forward(x);
        activation = capture.output();
      }
      Variable score = logits.slice(1, NnFixtures.TARGET, NnFixtures.TARGET + 1).sum();
      List<Variable> grads = Autograd.grad(List.of(score), List.of(x, activation), null, false);
      double tol = dtype == DType.F32 ? F32_RTOL : F64_RTOL;
      double[] errors = {
        relativeError(logits.value(), NnFixtures.npy(name + "_logits.npy")),
        relativeError(grads.get(0).value(), NnFixtures.npy(name + "_grad_input.npy")),
        relativeError(activation.value(), NnFixtures.npy(name + "_" + layer + ".npy")),
        relativeError(grads.get(1).value(), NnFixtures.npy(name + "_grad_" + layer + ".npy"))
      };
      System.out.printf(
          "parity %s %s: logits %.2e, grad input %.2e, %s %.2e, grad %s %.2e%n",
          name, dtype, errors[0], errors[1], layer, errors[2], layer, errors[3]);
      String[] what = {"logits", "grad input", layer, "grad " + layer};
      for (int i = 0; i < errors.length; i++) {
        assertTrue(
            errors[i] <= tol,
            name + " " + dtype + " " + what[i] + ": relative error " + errors[i] + " > " + tol);
      }
    }
  }

  /**
   * Writes the fixture weights with the safetensors writer and loads them back with {@code
   * StateDict.read} and a strict {@code loadStateDict}.
   */
  private void loadFixtureWeightsThroughSafetensors(String name, Module model) throws IOException {
    StateDict weights = FixtureWeights.fill(model.stateDict(), NnFixtures.SEED);
    Path file = tmp.resolve(name + ".safetensors");
    SafetensorsWriter.write(file, weights.tensors(), Map.of());
    StateDict loaded = StateDict.read(file);
    for (String n : weights.names()) {
      if (weights.isInteger(n)) {
        loaded.put(n, weights.integers(n));
      }
    }
    model.loadStateDict(loaded, true);
  }

  private static List<String> sortedNamesAndShapes(StateDict state) {
    List<String> lines = new ArrayList<>();
    for (String n : state.names()) {
      lines.add(n + " " + state.shape(n));
    }
    lines.sort(null);
    return lines;
  }

  /** {@code max |a - e| / max |e|}. */
  static double relativeError(Tensor actual, Tensor expected) {
    assertEquals(expected.shape(), actual.shape());
    double[] a = actual.toDoubleArray();
    double[] e = expected.toDoubleArray();
    double diff = 0;
    double scale = 0;
    for (int i = 0; i < a.length; i++) {
      diff = Math.max(diff, Math.abs(a[i] - e[i]));
      scale = Math.max(scale, Math.abs(e[i]));
    }
    return diff / scale;
  }
}
