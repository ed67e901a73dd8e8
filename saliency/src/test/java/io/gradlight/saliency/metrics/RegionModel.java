package io.gradlight.saliency.metrics;

import io.gradlight.autograd.Variable;
import io.gradlight.nn.Module;
import io.gradlight.tensor.DType;
import io.gradlight.tensor.Shape;
import io.gradlight.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * A two-class model whose evidence is known exactly: the logit of class 0 reads only a square
 * region R of the input, through a checkerboard pattern P of +1 and -1,
 *
 * <pre>
 *   z0 = A * sum_{c, p in R} x[c, p] P[p] / (C |R|) + B,   z1 = 0,
 * </pre>
 *
 * so on {@link #image} (x = P on R, noise elsewhere) {@code z0 = A + B}; deleting (zeroing) the
 * pixels of R lowers it linearly to B, and the checkerboard averages out under a blur, so the
 * blurred image also scores about B. Pixels outside R do not matter at all.
 */
final class RegionModel extends Module {
  static final double A = 10;
  static final double B = -5;

  final int size;
  final int top;
  final int left;
  final int side;
  private final Tensor weight;

  /** A model for {@code size x size} RGB images with R = rows and columns {@code [at, at+side)}. */
  RegionModel(int size, int at, int side) {
    this.size = size;
    this.top = at;
    this.left = at;
    this.side = side;
    double[] w = new double[3 * size * size];
    for (int c = 0; c < 3; c++) {
      for (int r = at; r < at + side; r++) {
        for (int col = at; col < at + side; col++) {
          w[(c * size + r) * size + col] = A * pattern(r, col) / (3.0 * side * side);
        }
      }
    }
    this.weight = Tensor.of(w, 1, 3, size, size).to(DType.F32);
  }

  static double pattern(int row, int col) {
    return (row + col) % 2 == 0 ? 1 : -1;
  }

  boolean inRegion(int row, int col) {
    return row >= top && row < top + side && col >= left && col < left + side;
  }

  /** {@code count} images: the pattern on R, seeded uniform noise in [-1, 1] elsewhere. */
  Tensor images(int count, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] x = new float[count * 3 * size * size];
    for (int i = 0; i < count; i++) {
      for (int c = 0; c < 3; c++) {
        for (int r = 0; r < size; r++) {
          for (int col = 0; col < size; col++) {
            x[((i * 3 + c) * size + r) * size + col] = inRegion(r, col)
                ? (float) pattern(r, col) : (float) rng.nextDouble(-1, 1);
          }
        }
      }
    }
    return Tensor.wrap(x, Shape.of(count, 3, size, size));
  }

  /** The probability of class 0 for logit z0: softmax([z0, 0])[0]. */
  static double probability(double z0) {
    return 1 / (1 + Math.exp(-z0));
  }

  @Override
  protected Variable compute(Variable x) {
    int n = x.shape().dim(0);
    Variable z0 = x.mul(Variable.constant(weight)).sum(new int[] {1, 2, 3}, false).add(B)
        .reshape(n, 1);
    return Variable.concat(1, z0, Variable.constant(Tensor.zeros(x.dtype(), n, 1)));
  }
}
