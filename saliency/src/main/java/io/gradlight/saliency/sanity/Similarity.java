package io.gradlight.saliency.sanity;

import io.gradlight.saliency.SaliencyMap;
import io.gradlight.tensor.Tensor;

/**
 * How alike two explanations of the same image are, by the three measures of Adebayo et al.
 * (2018, section 2.2) that gradlight computes (their fourth, HOG similarity, is left out):
 *
 * <ul>
 *   <li>{@code spearman}: rank correlation "without absolute values" (the paper's diverging
 *       view) of the <b>signed maps</b>: the raw map, summed over channels when it has them (input
 *       gradients {@code [C, H, W]}; as the paper's {@code VisualizeImageDiverging}), else the raw
 *       map as it is (CAM maps at the target layer, perturbation maps);
 *   <li>{@code spearmanAbs}: rank correlation "with absolute values" of the <b>absolute maps</b>:
 *       {@code sum_c |raw_c|} for maps with channels (the paper's
 *       {@code VisualizeImageGrayscale}), else {@code |raw|};
 *   <li>{@code ssim}: {@link Ssim} of the two <b>display maps</b> (in [0, 1] at the input size:
 *       what a user sees).
 * </ul>
 *
 * Raw maps are compared at their own resolution (no resize), so ties and ranks are the method's.
 * See {@link Spearman} for ties and constant maps.
 */
public record Similarity(double spearman, double spearmanAbs, double ssim) {

  /** Image by image, the similarity of {@code other} to {@code reference} (the same batch). */
  public static Similarity[] compare(SaliencyMap reference, SaliencyMap other, Ssim ssim) {
    if (!reference.raw().shape().equals(other.raw().shape())
        || !reference.display().shape().equals(other.display().shape())) {
      throw new IllegalArgumentException("compare: raw maps " + reference.raw().shape() + " and "
          + other.raw().shape() + ", display maps " + reference.display().shape() + " and "
          + other.display().shape() + "; expected equal shapes");
    }
    double[][] signedA = perImage(reference.raw(), false);
    double[][] signedB = perImage(other.raw(), false);
    double[][] absA = perImage(reference.raw(), true);
    double[][] absB = perImage(other.raw(), true);
    Tensor displayA = reference.display();
    int h = displayA.dim(1);
    int w = displayA.dim(2);
    double[][] shownA = perImage(displayA, false);
    double[][] shownB = perImage(other.display(), false);
    Similarity[] out = new Similarity[signedA.length];
    for (int n = 0; n < out.length; n++) {
      out[n] = new Similarity(Spearman.of(signedA[n], signedB[n]),
          Spearman.of(absA[n], absB[n]), ssim.of(shownA[n], shownB[n], h, w));
    }
    return out;
  }

  /** The mean of each measure over {@code values} (at least one). */
  public static Similarity mean(Similarity[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("mean of no similarities");
    }
    double s = 0;
    double a = 0;
    double m = 0;
    for (Similarity v : values) {
      s += v.spearman;
      a += v.spearmanAbs;
      m += v.ssim;
    }
    int n = values.length;
    return new Similarity(s / n, a / n, m / n);
  }

  /**
   * A batch of maps {@code [N, ...]} as one flat vector per image: the signed map (or, when
   * {@code absolute}, the absolute map) defined in the class comment.
   */
  static double[][] perImage(Tensor map, boolean absolute) {
    Tensor m = map;
    if (map.rank() == 4) {
      m = (absolute ? map.abs() : map).sum(new int[] {1}, false);
    } else if (absolute) {
      m = map.abs();
    }
    int n = m.dim(0);
    int size = m.size() / n;
    double[] flat = m.toDoubleArray();
    double[][] out = new double[n][size];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * size, out[i], 0, size);
    }
    return out;
  }
}
