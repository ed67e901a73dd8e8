package io.gradlight.saliency;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.nn.Module;
import io.gradlight.nn.layers.Activation;
import io.gradlight.nn.zoo.FixtureWeights;
import io.gradlight.nn.zoo.Models;
import io.gradlight.nn.zoo.NnFixtures;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Tensor;
import io.gradlight.tensor.io.NpyReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The CAM family against PyTorch: the raw maps of {@code cam} (resnet18 only: its head is GAP +
 * fc), {@code gradcam}, {@code hirescam}, {@code xgradcam}, {@code layercam} and
 * {@code gradcam++} on the fixture resnet18 (layer {@code layer4}) and vgg11 ({@code features.19})
 * (10 classes, eval mode, formula weights, the 64x64 fixture input, logit
 * {@value NnFixtures#TARGET}) equal those of {@code scripts/make_saliency_fixtures.py} within
 * {@link #F32_RTOL} in F32 and {@link #F64_RTOL} in F64, relative to the largest reference
 * magnitude. Also checks the Pyramid Grad-CAM stages chosen for both torchvision layouts.
 */
class CamGoldenTest {
  /** Relative tolerance (max abs difference / max abs reference) in F32. */
  static final double F32_RTOL = 1e-4;
  /** Relative tolerance in F64. */
  static final double F64_RTOL = 1e-9;

  private static final List<String> METHODS =
      List.of("cam", "gradcam", "hirescam", "xgradcam", "layercam", "gradcam++");

  @Test
  void resnet18MatchesPyTorch() throws IOException {
    check("resnet18", "layer4", "relu, layer1, layer2, layer3, layer4");
  }

  @Test
  void vgg11MatchesPyTorch() throws IOException {
    check("vgg11", "features.19",
        "features.1, features.4, features.9, features.14, features.19");
  }

  private static void check(String name, String layer, String stages) throws IOException {
    Module model = Models.create(name, NnFixtures.CLASSES, Activation.RELU, 0);
    model.loadStateDict(FixtureWeights.fill(model.stateDict(), NnFixtures.SEED), true);
    model.eval().requiresGrad(false);
    Tensor input = NnFixtures.npy("input.npy");
    List<String> ids = name.equals("resnet18") ? METHODS : METHODS.subList(1, METHODS.size());
    List<Executable> checks = new ArrayList<>();
    for (DType dtype : new DType[] {DType.F64, DType.F32}) {
      model.to(dtype);
      ExplainRequest request = new ExplainRequest(model, input.to(dtype),
          Targets.of(NnFixtures.TARGET), Score.LOGIT, layer, 0);
      double tol = dtype == DType.F64 ? F64_RTOL : F32_RTOL;
      for (String id : ids) {
        double error = relativeError(Methods.create(id).explain(request).raw(),
            fixture(name + "_" + id + ".npy"));
        System.out.printf("golden %s %s %s: relative error %.2e%n", name, dtype, id, error);
        checks.add(() -> assertTrue(error <= tol,
            name + " " + dtype + " " + id + ": relative error " + error + " > " + tol));
      }
      if (dtype == DType.F32) {
        String chosen = Methods.create("pyramid-gradcam").explain(request).notes().get("stages");
        checks.add(() -> assertEquals(stages, chosen, name + " pyramid stages"));
      }
    }
    assertAll(checks);
  }

  /** {@code max |a - e| / max |e|}. */
  private static double relativeError(Tensor actual, Tensor expected) {
    assertEquals(expected.shape(), actual.shape());
    return actual.to(DType.F64).sub(expected).abs().maxValue() / expected.abs().maxValue();
  }

  /** A map made by {@code scripts/make_saliency_fixtures.py} (float64). */
  private static Tensor fixture(String file) throws IOException {
    URL url = CamGoldenTest.class.getResource("/fixtures/saliency/" + file);
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
