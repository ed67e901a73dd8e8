package io.gradlight.saliency.perturbation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.Targets;
import org.junit.jupiter.api.Test;

/**
 * Eigen-CAM on activations of known principal component: {@code A_k(p) = a_k m(p) + b_k} has
 * centred matrix {@code (m - mean m) a^T} of rank one, so {@code v_1 = +-a / |a|} and the
 * projection is {@code +-|a| (m - mean m)}, the sign fixed by the convention.
 */
class EigenCamTest {
  private static final double EXACT = 1e-12;
  private static final double[] M = {0.3, -1.2, 2.5, 0.0, 0.7, 1.9};
  private static final double[] OFFSETS = {1.0, -2.0, 0.5, 3.0};

  @Test
  void rankOneActivationsProjectOnTheirSpatialPattern() {
    double[] a = {0.5, 1.5, 0.25, 2.0};
    assertArrayEquals(centred(M, norm(a)), EigenCam.firstComponent(activations(a), 0, 4, 6),
        EXACT);
  }

  @Test
  void signFollowsTheChannelMeanMap() {
    // Negated loadings: the channel-mean map is -m plus a constant, so the projection is -m.
    double[] a = {-0.5, -1.5, -0.25, -2.0};
    assertArrayEquals(centred(M, -norm(a)), EigenCam.firstComponent(activations(a), 0, 4, 6),
        EXACT);
  }

  @Test
  void explainsABatchImageByImage() {
    ExplainRequest request = ExplainRequest.of(TinyModels.cnn(false, 2), TinyModels.images(2, 8, 4))
        .withTargets(Targets.of(1, 0)).withLayer("1");
    EigenCam method = new EigenCam();
    SaliencyMap batch = method.explain(request);
    assertEquals(8, batch.raw().dim(1));
    assertArrayEquals(new int[] {1, 0}, batch.classes());
    for (int i = 0; i < 2; i++) {
      SaliencyMap one = TinyModels.single(method, request.withTargets(Targets.of(i)), i);
      assertTrue(batch.raw().slice(0, i, i + 1).allClose(one.raw(), 0, 1e-10), "image " + i);
      double mean = one.raw().mean().item();
      assertEquals(0, mean, 1e-10, "a projection of centred columns has mean 0");
    }
  }

  /** {@code [1, K, positions]} with {@code A_k = a_k M + OFFSETS_k}. */
  private static double[] activations(double[] a) {
    double[] out = new double[a.length * M.length];
    for (int k = 0; k < a.length; k++) {
      for (int p = 0; p < M.length; p++) {
        out[k * M.length + p] = a[k] * M[p] + OFFSETS[k];
      }
    }
    return out;
  }

  private static double[] centred(double[] m, double scale) {
    double mean = 0;
    for (double v : m) {
      mean += v / m.length;
    }
    double[] out = new double[m.length];
    for (int p = 0; p < m.length; p++) {
      out[p] = scale * (m[p] - mean);
    }
    return out;
  }

  private static double norm(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v * v;
    }
    return Math.sqrt(s);
  }
}
