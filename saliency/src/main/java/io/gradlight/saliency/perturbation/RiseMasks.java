package io.gradlight.saliency.perturbation;

import io.gradlight.tensor.Resize;
import io.gradlight.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * RISE's random masks, as the reference code's {@code generate_masks(N, s, p1)} makes them
 * (eclique/RISE, saliency_anchors b.6), but seeded: for an {@code H x W} input,
 *
 * <pre>
 *   cell = (ceil(H / s), ceil(W / s)),   up = (s + 1) cell
 *   grid[a][b] = 1 with probability p (kept), else 0          an s x s binary grid
 *   shift = (uniform in [0, cell_h), uniform in [0, cell_w))    integers
 *   mask = bilinear(grid) to up, cropped to [shift, shift + (H, W))
 * </pre>
 *
 * The bilinear upsampling uses half-pixel centres with clamped borders
 * ({@code align_corners=False}); the reference code's {@code skimage.transform.resize(order=1,
 * mode='reflect')} mirrors at the border instead, which changes only the outer half cell of the
 * upsampled grid. Masks take values in [0, 1], with expected value {@code p} at every pixel.
 *
 * <p>The grids and shifts of all masks are drawn up front from one {@link SplittableRandom}
 * seeded with the request's seed (per mask: the {@code s s} cells row by row, then the two
 * shifts), so mask {@code m} is the same whatever the batch size or thread count; the upsampled
 * masks are made a range at a time ({@link #masks}) so that at most one batch of them is in
 * memory.
 */
final class RiseMasks {
  private final int count;
  private final int grid;
  private final int height;
  private final int width;
  private final int cellH;
  private final int cellW;
  private final double[] cells; // [count, grid, grid] of 0 and 1
  private final int[] shiftH;
  private final int[] shiftW;

  RiseMasks(int count, int grid, double keep, int height, int width, long seed) {
    this.count = count;
    this.grid = grid;
    this.height = height;
    this.width = width;
    this.cellH = (height + grid - 1) / grid;
    this.cellW = (width + grid - 1) / grid;
    this.cells = new double[count * grid * grid];
    this.shiftH = new int[count];
    this.shiftW = new int[count];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int m = 0; m < count; m++) {
      for (int c = 0; c < grid * grid; c++) {
        cells[m * grid * grid + c] = rng.nextDouble() < keep ? 1 : 0;
      }
      shiftH[m] = rng.nextInt(cellH);
      shiftW[m] = rng.nextInt(cellW);
    }
  }

  int count() {
    return count;
  }

  /** Masks {@code from} to {@code to - 1}: {@code [to - from, H, W]} as doubles, row-major. */
  double[] masks(int from, int to) {
    int b = to - from;
    int upH = (grid + 1) * cellH;
    int upW = (grid + 1) * cellW;
    double[] grids = new double[b * grid * grid];
    System.arraycopy(cells, from * grid * grid, grids, 0, grids.length);
    double[] up = Resize.bilinear(Tensor.of(grids, b, 1, grid, grid), upH, upW, false)
        .toDoubleArray();
    double[] out = new double[b * height * width];
    for (int j = 0; j < b; j++) {
      for (int y = 0; y < height; y++) {
        int src = j * upH * upW + (y + shiftH[from + j]) * upW + shiftW[from + j];
        System.arraycopy(up, src, out, (j * height + y) * width, width);
      }
    }
    return out;
  }
}
