package io.gradlight.saliency.perturbation;

import io.gradlight.saliency.Display;
import io.gradlight.saliency.ExplainRequest;
import io.gradlight.saliency.LayerForward;
import io.gradlight.saliency.SaliencyMap;
import io.gradlight.saliency.SaliencyMethod;
import io.gradlight.tensor.Tensor;
import java.util.Map;
import org.ejml.data.DGrowArray;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;

/**
 * Eigen-CAM (Muhammad and Yeasin, Eigen-CAM: Class Activation Map using Principal Components,
 * IJCNN 2020): the projection of the target layer's activations on their first principal
 * component. Class-agnostic (it needs neither gradients nor the targets: the classes are
 * reported, not used) and needs one forward pass, so it is listed with the perturbation
 * methods although it is a CAM-family method.
 *
 * <p>Per image, with {@code X} the {@code [h w, K]} matrix of the activations (one row per
 * position, one column per channel):
 *
 * <pre>
 *   X' = X - 1 mean_rows(X)              columns centred (pytorch-grad-cam's get_2d_projection)
 *   X' = U S V^T                         SVD (EJML, singular values in descending order)
 *   raw = reshape(X' v_1, [h, w])        v_1 the first right singular vector
 *   sign: raw := -raw when sum_p raw_p m_p < 0,   m = mean_k A_k the channel-mean map;
 *         when that sum is 0, when |min raw| > |max raw| (SegEigenCAM's rule)
 * </pre>
 *
 * The SVD fixes {@code v_1} only up to sign, and pytorch-grad-cam leaves it arbitrary (maps come
 * out inverted: its issue #364). gradlight flips the projection so that it correlates
 * positively with the channel-mean activation ({@code raw} has mean 0, so the sum is its
 * covariance with {@code m}): the component points where the layer is active. The display map is
 * {@link Display#ofMap} with ReLU (pytorch-grad-cam's). The SVD runs in double for either dtype.
 */
public final class EigenCam implements SaliencyMethod {
  /** The CLI id. */
  public static final String ID = "eigencam";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String paper() {
    return "Muhammad and Yeasin, Eigen-CAM: Class Activation Map using Principal Components,"
        + " IJCNN 2020";
  }

  @Override
  public boolean usesLayer() {
    return true;
  }

  @Override
  public SaliencyMap explain(ExplainRequest r) {
    String layer = r.layerOrDefault();
    LayerForward clean = ForwardBatches.clean(r, layer);
    Tensor a = clean.activation().value();
    int n = a.dim(0);
    int h = a.dim(2);
    int w = a.dim(3);
    double[] av = a.toDoubleArray();
    double[] raw = new double[n * h * w];
    for (int i = 0; i < n; i++) {
      double[] projection = firstComponent(av, i, a.dim(1), h * w);
      System.arraycopy(projection, 0, raw, i * h * w, h * w);
    }
    Tensor rawMap = Tensor.of(raw, n, h, w).to(a.dtype());
    Tensor display = Display.ofMap(rawMap, true, r.input().dim(2), r.input().dim(3));
    return new SaliencyMap(ID, rawMap, display, clean.classes(), layer,
        Map.of("sign", "positive covariance with the channel-mean map"));
  }

  /** {@code X' v_1} with the sign convention, for image i of {@code [N, K, positions]}. */
  static double[] firstComponent(double[] av, int i, int k, int positions) {
    DMatrixRMaj x = new DMatrixRMaj(positions, k);
    double[] channelMean = new double[positions];
    for (int c = 0; c < k; c++) {
      int off = (i * k + c) * positions;
      double mean = 0;
      for (int p = 0; p < positions; p++) {
        mean += av[off + p];
        channelMean[p] += av[off + p] / k;
      }
      mean /= positions;
      for (int p = 0; p < positions; p++) {
        x.set(p, c, av[off + p] - mean);
      }
    }
    DMatrixRMaj vt = new DMatrixRMaj(1, 1);
    if (!SingularOps_DDRM.svd(x.copy(), null, new DGrowArray(), vt)) {
      throw new IllegalStateException(ID + ": the SVD of the " + positions + " x " + k
          + " activations of image " + i + " did not converge");
    }
    double[] projection = new double[positions];
    double covariance = 0;
    double min = 0;
    double max = 0;
    for (int p = 0; p < positions; p++) {
      double v = 0;
      for (int c = 0; c < k; c++) {
        v += x.get(p, c) * vt.get(0, c);
      }
      projection[p] = v;
      covariance += v * channelMean[p];
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    boolean flip = covariance < 0 || (covariance == 0 && Math.abs(min) > Math.abs(max));
    if (flip) {
      for (int p = 0; p < positions; p++) {
        projection[p] = -projection[p];
      }
    }
    return projection;
  }
}
