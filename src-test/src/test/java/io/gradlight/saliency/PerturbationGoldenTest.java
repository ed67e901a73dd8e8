package io.gradlight.saliency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.FixtureWeights;
import io.gradlight.nn.zoo.Models;
import io.gradlight.saliency.perturbation.AblationCam;
import io.gradlight.saliency.perturbation.EigenCam;
import io.gradlight.saliency.perturbation.ScoreCam;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.NpyReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The perturbation family's CAM-style raw maps against {@code scripts/make_saliency_fixtures.py}
 * (independent PyTorch code of the published formulas, float64): Score-CAM with both weightings,
 * Ablation-CAM and Eigen-CAM (up to sign) on the torchvision resnet18 ({@code layer4}) and vgg11
 * ({@code features.19}) fixture models (10 classes, formula weights of seed 1234, eval mode, the
 * 64x64 input of the nn fixtures, logit 3). The relative error is {@code max |java - torch| /
 * max |torch|}: at most {@link #F32_RTOL} in F32 and {@link #F64_RTOL} in F64. RISE and
 * occlusion have no golden maps (RISE's masks come from gradlight's own seeded generator); their
 * unit tests check them.
 *
 * <p>Cost: Score-CAM and Ablation-CAM run one forward pass per channel (about 500 here). Every
 * build checks all four maps of resnet18 in F32 and Eigen-CAM (one pass) of both models in both
 * dtypes; the rest (resnet18's Score-CAM and Ablation-CAM in F64, vgg11's in F32 and F64: about
 * 3,000 forward passes, most in the scalar F64 kernels) runs with {@code -Dgradlight.golden=full}.
 */
class PerturbationGoldenTest {
  /** Relative tolerance for F32 models. */
  static final double F32_RTOL = 1e-4;
  /** Relative tolerance for F64 models. */
  static final double F64_RTOL = 1e-9;
  /** Whether to run the slow cases too. */
  private static final boolean FULL = "full".equals(System.getProperty("gradlight.golden"));

  private static final long WEIGHT_SEED = 1234;
  private static final int TARGET = 3;
  private static final int CLASSES = 10;
  private static final List<Case> SCORE_AND_ABLATION = List.of(
      new Case("scorecam-prob", () -> new ScoreCam(ScoreCam.Weighting.PROBABILITY, 32), false),
      new Case("scorecam-softmax",
          () -> new ScoreCam(ScoreCam.Weighting.CHANNEL_SOFTMAX, 32), false),
      new Case("ablationcam", AblationCam::new, false));
  private static final List<Case> EIGEN = List.of(new Case("eigencam", EigenCam::new, true));

  private static Module resnet18;
  private static Module vgg11;
  private static Tensor input;

  @BeforeAll
  static void buildFixtureModels() throws IOException {
    resnet18 = fixtureModel("resnet18");
    vgg11 = fixtureModel("vgg11");
    input = npy("nn/input.npy");
  }

  @Test
  void resnet18InF32() throws IOException {
    check("resnet18", resnet18, "layer4", DType.F32, SCORE_AND_ABLATION);
    check("resnet18", resnet18, "layer4", DType.F32, EIGEN);
  }

  @Test
  void eigenCamOfBothModelsInBothDtypes() throws IOException {
    for (DType dtype : DType.values()) {
      check("resnet18", resnet18, "layer4", dtype, EIGEN);
      check("vgg11", vgg11, "features.19", dtype, EIGEN);
    }
  }

  @Test
  void resnet18InF64() throws IOException {
    assumeTrue(FULL, "slow: run with -Dgradlight.golden=full");
    check("resnet18", resnet18, "layer4", DType.F64, SCORE_AND_ABLATION);
  }

  @Test
  void vgg11InF32() throws IOException {
    assumeTrue(FULL, "slow: run with -Dgradlight.golden=full");
    check("vgg11", vgg11, "features.19", DType.F32, SCORE_AND_ABLATION);
  }

  @Test
  void vgg11InF64() throws IOException {
    assumeTrue(FULL, "slow: run with -Dgradlight.golden=full");
    check("vgg11", vgg11, "features.19", DType.F64, SCORE_AND_ABLATION);
  }

  /** Each case in {@code dtype} (converting the model is lossless: its weights are F32 values). */
  private static void check(String name, Module model, String layer, DType dtype,
      List<Case> cases) throws IOException {
    model.to(dtype);
    ExplainRequest request = ExplainRequest.of(model, input.to(dtype))
        .withTargets(Targets.of(TARGET)).withLayer(layer);
    for (Case c : cases) {
      long start = System.nanoTime();
      SaliencyMap map = c.method().get().explain(request);
      double seconds = (System.nanoTime() - start) / 1e9;
      Tensor expected = npy("saliency/" + name + "_" + c.fixture() + ".npy");
      double error = relativeError(map.raw(), expected);
      if (c.upToSign()) {
        error = Math.min(error, relativeError(map.raw().neg(), expected));
      }
      double tol = dtype == DType.F32 ? F32_RTOL : F64_RTOL;
      System.out.printf("golden %s %s %s: relative error %.2e in %.1f s %s%n", name,
          c.fixture(), dtype, error, seconds, map.notes());
      assertEquals(dtype, map.raw().dtype());
      assertArrayEquals(new int[] {TARGET}, map.classes());
      assertEquals(layer, map.layer());
      assertTrue(error <= tol, name + " " + c.fixture() + " " + dtype + ": relative error "
          + error + " > " + tol);
    }
  }

  private record Case(String fixture, Supplier<SaliencyMethod> method, boolean upToSign) {}

  private static Module fixtureModel(String name) {
    Module model = Models.create(name, CLASSES, Activation.RELU, 0);
    model.loadStateDict(FixtureWeights.fill(model.stateDict(), WEIGHT_SEED), true);
    model.eval().requiresGrad(false);
    return model;
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

  private static Tensor npy(String file) throws IOException {
    URL url = PerturbationGoldenTest.class.getResource("/fixtures/" + file);
    if (url == null) {
      throw new IOException("missing fixture fixtures/" + file);
    }
    try {
      return NpyReader.tensor(Path.of(url.toURI()));
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }
}
