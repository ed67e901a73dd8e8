package io.gradlight.tensor.kernels;

/**
 * Convolution products with the positions as rows, for output planes too small to fill the
 * micro-kernel's NR-wide panels ({@link #narrow}): with {@code cols_n} the {@code K x P} im2col
 * matrix of image n (see {@link VectorConvolution}),
 *
 * <pre>
 *   forward                        y_n^T    = cols_n^T W^T     (P x cOut)
 *   input gradient with a stride   cols_n^T = gy_n^T W         (P x K), then col2im
 * </pre>
 *
 * with several images stacked as rows of one product, so that 7 x 7 planes still make a product
 * worth cutting for two threads. {@code fma(a, b, c) = fma(b, a, c)} and every chain runs over
 * the depth in the same order as in the direct products: results are the same bits.
 */
final class TransposedConvolution {
  private TransposedConvolution() {}

  /** Images stacked in one transposed product: at most this many rows {@code (n, position)}. */
  static final int TRANSPOSED_ROWS = 512;

  /**
   * Whether a product over {@code positions} and {@code channels} (and any depth) fills the
   * micro-kernel's tiles at least 10% better with the positions as rows, in MR-high panels, than
   * as columns, in NR-wide ones: then it runs transposed. ResNet-18's 7 x 7 planes fill four
   * panels of 16 to 77%, but thirteen of 4 to 94%.
   */
  static boolean narrow(int positions, int channels) {
    int mr = VectorGemm.MR;
    int nr = VectorGemm.NR;
    long wide = (long) VectorGemm.panels(positions, nr) * nr * VectorGemm.panels(channels, mr) * mr;
    long tall = (long) VectorGemm.panels(positions, mr) * mr * VectorGemm.panels(channels, nr) * nr;
    return tall * 10 <= wide * 9;
  }

  /**
   * The forward convolution as {@code y_n^T = cols_n^T W^T}, up to {@link #TRANSPOSED_ROWS}
   * positions of several images stacked in one product ({@code N P x K} times {@code K x cOut},
   * so small planes still make a product worth cutting for every thread), then transposed into y.
   * {@code fma(a, b, c) = fma(b, a, c)}, so every y element is the same FMA chain as in {@code W
   * cols}: the same bits.
   */
  static void forward(ConvGeometry g, float[] x, VectorGemm.PanelPacker wT,
      float[] bias, float[] y) {
    int positions = g.outH() * g.outW();
    int depth = g.cIn() * g.kh() * g.kw();
    int cOut = g.cOut();
    eachStack(g.n(), positions, (n0, images) -> {
      int rows = images * positions;
      PaddedImage[] padded = PaddedImage.ofEach(g, x, n0, images);
      float[] packed = VectorGemm.pack(VectorGemm.panels(rows, VectorGemm.MR), VectorGemm.MR,
          depth, positionRows(g, padded));
      float[] yT = Scratch.floats(Scratch.Use.TRANSPOSED, rows * cOut);
      if (bias != null) { // start each output channel's FMA chain from its bias
        for (int row = 0; row < rows; row++) {
          System.arraycopy(bias, 0, yT, row * cOut, cOut);
        }
      }
      VectorGemm.multiply(rows, cOut, depth, packed, wT, yT, 0, bias != null);
      Parallel.forEach(images, i -> {
        for (int o = 0; o < cOut; o++) {
          int out = ((n0 + i) * cOut + o) * positions;
          for (int pos = 0; pos < positions; pos++) {
            y[out + pos] = yT[(i * positions + pos) * cOut + o];
          }
        }
      });
    });
  }

  /** A product over the stacked images {@code [n0, n0 + images)}. */
  @FunctionalInterface
  private interface StackTask {
    void run(int n0, int images);
  }

  /**
   * Runs {@code task} on consecutive stacks of images, each of at most {@link #TRANSPOSED_ROWS}
   * rows of {@code positions} (at least one image), in order.
   */
  private static void eachStack(int count, int positions, StackTask task) {
    int perStack = Math.max(1, TRANSPOSED_ROWS / Math.max(1, positions));
    for (int n0 = 0; n0 < count; n0 += perStack) {
      task.run(n0, Math.min(count - n0, perStack));
    }
  }

  /**
   * The input gradient of a strided convolution as {@code cols_n^T = gy_n^T W}, images stacked as
   * in {@link #forward} (W packed by vector copies), then col2im of each image from the
   * transposed layout. The same FMA chains as {@code W^T gy_n}: the same bits.
   */
  static void inputGradient(ConvGeometry g, float[] gy, float[] w, float[] gx) {
    int depth = g.cIn() * g.kh() * g.kw();
    int positions = g.outH() * g.outW();
    VectorGemm.PanelPacker wB = VectorGemm.packerB(false, depth, g.cOut(), w, 0);
    eachStack(g.n(), positions, (n0, images) -> {
      int rows = images * positions;
      float[] packed = VectorGemm.pack(VectorGemm.panels(rows, VectorGemm.MR), VectorGemm.MR,
          g.cOut(), gradientColumns(g, gy, n0, rows));
      float[] colsT = Scratch.floats(Scratch.Use.COLUMNS, rows * depth);
      VectorGemm.multiply(rows, depth, g.cOut(), packed, wB, colsT, 0, false);
      for (int i = 0; i < images; i++) {
        Col2im.scatter(g, colsT, i * positions * depth, 1, depth, gx, n0 + i);
      }
    });
  }

  /**
   * Packs the GEMM A operand {@code [cols_0 ... cols_N-1]^T} ({@code N P x K}) in panels of MR
   * rows {@code (n, position)}: row (n, pos), column (c, p, q) is tap (c, p, q) of that window.
   */
  private static VectorGemm.PanelPacker positionRows(ConvGeometry g, PaddedImage[] images) {
    int mr = VectorGemm.MR;
    int positions = g.outH() * g.outW();
    int rows = images.length * positions;
    int[] start = VectorConvolution.starts(g, images[0].paddedW());
    int[] taps = VectorConvolution.relativeTaps(g, images[0]);
    return (panel, p0, kc, dst, at) -> {
      for (int r = 0; r < Math.min(mr, rows - panel * mr); r++) {
        int row = panel * mr + r;
        PaddedImage img = images[row / positions];
        float[] src = img.data();
        int window = img.base() + start[row % positions];
        for (int p = p0; p < p0 + kc; p++) {
          dst[at + (p - p0) * mr + r] = src[window + taps[p]];
        }
      }
    };
  }

  /**
   * Packs the GEMM A operand {@code [gy_n0 ... ]^T} ({@code rows x cOut}, row {@code (n, pos)})
   * in panels of MR rows: element (row, o) is {@code gy[n][o][pos]}.
   */
  private static VectorGemm.PanelPacker gradientColumns(ConvGeometry g, float[] gy, int n0,
      int rows) {
    int mr = VectorGemm.MR;
    int positions = g.outH() * g.outW();
    return (panel, p0, kc, dst, at) -> {
      for (int r = 0; r < Math.min(mr, rows - panel * mr); r++) {
        int row = panel * mr + r;
        int src = (n0 + row / positions) * g.cOut() * positions + row % positions;
        for (int o = p0; o < p0 + kc; o++) {
          dst[at + (o - p0) * mr + r] = gy[src + o * positions];
        }
      }
    };
  }
}
