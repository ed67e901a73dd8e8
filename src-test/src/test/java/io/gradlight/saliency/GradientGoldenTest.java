package io.gradlight.saliency;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.FixtureWeights;
import io.gradlight.nn.zoo.Models;
import io.gradlight.nn.zoo.NnFixtures;
import io.gradlight.saliency.gradient.IntegratedGradients;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.NpyReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The input-gradient family against PyTorch: the raw maps of {@code gradient},
 * {@code gradient-x-input}, {@code guided-backprop} and {@code integrated-gradients} (16 steps,
 * zero baseline) on the fixture resnet18 and vgg11 (10 classes, eval mode, formula weights, the
 * 64x64 fixture input, logit {@value NnFixtures#TARGET}) equal the maps of
 * {@code scripts/make_saliency_fixtures.py} within {@link #F32_RTOL} in F32 and {@link #F64_RTOL}
 * in F64, relative to the largest reference magnitude; Integrated Gradients in F32 within
 * {@link #F32_RTOL_PATH}, see there.
 */
class GradientGoldenTest {
  /** Relative tolerance (max abs difference / max abs reference) in F32. */
  static final double F32_RTOL = 1e-4;
  /**
   * Relative tolerance for Integrated Gradients in F32. Its 16 path points include inputs where a
   * ReLU pre-activation of resnet18 lies within F32 rounding of zero (step 14, alpha = 0.875):
   * F32 rounding of the scaled input and of the forward pass flips that unit, which changes that
   * step's gradient by 4% and the mean by about 3e-3. In F64 the map matches to 1e-15, and every
   * single-pass F32 gradient matches to about 1e-6, so the method is right; the tolerance only
   * admits one ReLU decision on a knife edge.
   */
  static final double F32_RTOL_PATH = 5e-3;
  /** Relative tolerance in F64. */
  static final double F64_RTOL = 1e-9;
  /** The fixture script's Integrated Gradients steps. */
  static final int IG_STEPS = 16;

  private static final Map<String, SaliencyMethod> METHODS = new LinkedHashMap<>();

  static {
    for (String id : List.of("gradient", "gradient-x-input", "guided-backprop")) {
      METHODS.put(id, Methods.create(id));
    }
    METHODS.put(IntegratedGradients.ID, new IntegratedGradients(IG_STEPS, null, IG_STEPS));
  }

  @Test
  void resnet18MatchesPyTorch() throws IOException {
    check("resnet18");
  }

  @Test
  void vgg11MatchesPyTorch() throws IOException {
    check("vgg11");
  }

  private static void check(String name) throws IOException {
    Module model = Models.create(name, NnFixtures.CLASSES, Activation.RELU, 0);
    model.loadStateDict(FixtureWeights.fill(model.stateDict(), NnFixtures.SEED), true);
    model.eval().requiresGrad(false);
    Tensor input = NnFixtures.npy("input.npy");
    Map<String, Tensor> expected = new LinkedHashMap<>();
    for (String id : METHODS.keySet()) {
      expected.put(id, fixture(name + "_" + id + ".npy"));
    }
    List<Executable> checks = new ArrayList<>();
    for (DType dtype : new DType[] {DType.F64, DType.F32}) {
      model.to(dtype);
      ExplainRequest request = new ExplainRequest(model, input.to(dtype),
          Targets.of(NnFixtures.TARGET), Score.LOGIT, null, 0);
      for (var e : METHODS.entrySet()) {
        double tol = dtype == DType.F64 ? F64_RTOL
            : e.getKey().equals(IntegratedGradients.ID) ? F32_RTOL_PATH : F32_RTOL;
        SaliencyMap map = e.getValue().explain(request);
        double error = relativeError(map.raw(), expected.get(e.getKey()));
        System.out.printf("golden %s %s %s: relative error %.2e%n", name, dtype, e.getKey(), error);
        checks.add(() -> assertTrue(error <= tol, name + " " + dtype + " " + e.getKey()
            + ": relative error " + error + " > " + tol));
      }
    }
    model.to(DType.F32);
    assertAll(checks);
  }

  /** {@code max |a - e| / max |e|}. */
  private static double relativeError(Tensor actual, Tensor expected) {
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

  /** A map made by {@code scripts/make_saliency_fixtures.py} (float64). */
  private static Tensor fixture(String file) throws IOException {
    URL url = GradientGoldenTest.class.getResource("/fixtures/saliency/" + file);
    if (url == null) {
      throw new IOException("missing fixture fixtures/saliency/" + file
          + "; run scripts/make_saliency_fixtures.py");
    }
    try {
      return NpyReader.tensor(Path.of(url.toURI()));
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }
}
