package io.gradlight.tensor.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * F32 convolution as GEMM on {@link VectorGemm}, one image at a time. With {@code K = cIn kh kw}
 * and {@code P = outH outW}, and {@code cols} the {@code K x P} im2col matrix of one image
 * ({@code cols[(c, p, q)][(i, j)] = x[c][ih][iw]}, zero in the padding):
 *
 * <pre>
 *   forward          y_n  = W cols_n (+ bias)                 W: cOut x K
 *   backward input   gx_n = col2im(W^T gy_n)                  (stride 1: a forward conv of gy)
 *   backward weight  gW   = sum_n gy_n cols_n^T
 * </pre>
 *
 * <p>cols is never stored: the GEMM packs its panels straight from a zero-padded copy of the image
 * (implicit im2col), pass by pass into a buffer that stays in cache.
 *
 * <p>Small output planes run the products transposed, with several images stacked: see
 * {@link TransposedConvolution}.
 */
final class VectorConvolution {
  private VectorConvolution() {}

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = S.length();
  /**
   * Batches of at least this many images run one image per task, each GEMM in cache-sized blocks:
   * cheaper than cutting every image's (often small) GEMM finely enough for all threads. Results
   * are the same either way: no cut changes an FMA chain.
   */
  static final int BATCH = 4;

  /**
   * A convolution's weights as GEMM panels of {@code width} output channels, k-major ({@code
   * dst[p width + r] = W[panel width + r][p]}): MR wide as the A operand of {@code W cols}, NR
   * wide as the B operand of {@code cols^T W^T}.
   */
  @FunctionalInterface
  private interface Weights {
    VectorGemm.PanelPacker panels(int width);
  }

  static void forward(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
    if (WinogradConvolution.applies(g)) {
      WinogradConvolution.forward(g, x, w, bias, y);
      return;
    }
    int depth = g.cIn() * g.kh() * g.kw();
    forward(g, x, width -> width == VectorGemm.MR
        ? VectorGemm.packerA(false, g.cOut(), depth, w, 0)
        : VectorGemm.packerB(true, g.cOut(), depth, w, 0), bias, y);
  }

  private static void forward(ConvGeometry g, float[] x, Weights weights, float[] bias,
      float[] y) {
    if (TransposedConvolution.narrow(g.outH() * g.outW(), g.cOut())) {
      TransposedConvolution.forward(g, x, weights.panels(VectorGemm.NR), bias, y);
      return;
    }
    int mr = VectorGemm.MR;
    float[] packedW = VectorGemm.pack(VectorGemm.panels(g.cOut(), mr), mr,
        g.cIn() * g.kh() * g.kw(), weights.panels(mr));
    eachImage(g.n(), (n, targetBlocks) -> forwardImage(g, x, packedW, bias, y, n, targetBlocks));
  }

  /** A per-image product that cuts its GEMM into at least {@code targetBlocks} blocks. */
  @FunctionalInterface
  private interface ImageTask {
    void run(int n, int targetBlocks);
  }

  /**
   * Runs {@code task} for images 0 to {@code count - 1}: one image per parallel task, each GEMM in
   * cache-sized blocks, for a batch of {@link #BATCH} or more; else image after image, each GEMM
   * cut finely enough for every thread.
   */
  private static void eachImage(int count, ImageTask task) {
    if (count >= BATCH) {
      Parallel.forEach(count, n -> task.run(n, 1));
    } else {
      for (int n = 0; n < count; n++) {
        task.run(n, VectorGemm.TARGET_BLOCKS);
      }
    }
  }

  /** {@code y_n = W cols_n (+ bias)}, cut into at least {@code targetBlocks} GEMM blocks. */
  private static void forwardImage(ConvGeometry g, float[] x, float[] packedW, float[] bias,
      float[] y, int n, int targetBlocks) {
    int positions = g.outH() * g.outW();
    int yOff = n * g.cOut() * positions;
    if (bias != null) { // start each output channel's FMA chain from its bias
      for (int o = 0; o < g.cOut(); o++) {
        Arrays.fill(y, yOff + o * positions, yOff + (o + 1) * positions, bias[o]);
      }
    }
    VectorGemm.multiply(g.cOut(), positions, g.cIn() * g.kh() * g.kw(), packedW,
        columns(g, PaddedImage.of(g, x, n)), y, yOff, bias != null, targetBlocks);
  }

  static void backwardInput(ConvGeometry g, float[] gy, float[] w, float[] gx) {
    int padH = g.dilH() * (g.kh() - 1) - g.padH();
    int padW = g.dilW() * (g.kw() - 1) - g.padW();
    if (g.strideH() == 1 && g.strideW() == 1 && padH >= 0 && padW >= 0) {
      // the transposed convolution with stride 1 is a convolution of gy with the weights
      // flipped in space and transposed in channels: no col2im pass, and the fast packing
      ConvGeometry t = new ConvGeometry(g.n(), g.cOut(), g.outH(), g.outW(), g.cIn(),
          g.kh(), g.kw(), 1, 1, padH, padW, g.dilH(), g.dilW());
      if (WinogradConvolution.applies(t)) {
        WinogradConvolution.forwardFlipped(t, gy, w, gx);
      } else {
        forward(t, gy, width -> flippedTransposed(g, w, width), null, gx);
      }
      return;
    }
    int depth = g.cIn() * g.kh() * g.kw();
    int positions = g.outH() * g.outW();
    if (TransposedConvolution.narrow(positions, depth)) {
      TransposedConvolution.inputGradient(g, gy, w, gx);
      return;
    }
    float[] packedWt = VectorGemm.packA(true, depth, g.cOut(), w, 0);
    eachImage(g.n(),
        (n, targetBlocks) -> backwardInputImage(g, gy, packedWt, gx, n, targetBlocks));
  }

  /** {@code gx_n = col2im(W^T gy_n)}, the GEMM cut into at least {@code targetBlocks} blocks. */
  private static void backwardInputImage(ConvGeometry g, float[] gy, float[] packedWt,
      float[] gx, int n, int targetBlocks) {
    int depth = g.cIn() * g.kh() * g.kw();
    int positions = g.outH() * g.outW();
    float[] cols = Scratch.floats(Scratch.Use.COLUMNS, depth * positions);
    VectorGemm.PanelPacker gyN =
        VectorGemm.packerB(false, positions, g.cOut(), gy, n * g.cOut() * positions);
    VectorGemm.multiply(depth, positions, g.cOut(), packedWt, gyN, cols, 0, false, targetBlocks);
    Col2im.scatter(g, cols, 0, positions, 1, gx, n);
  }

  /**
   * {@code gW = sum_n gy_n cols_n^T} as one GEMM over the depth {@code N P}: the images side by
   * side, {@code [gy_0 ... gy_N-1] [cols_0 ... cols_N-1]^T}. Each weight's FMA chain runs over
   * the images in order, then the positions, exactly as image-by-image accumulation would, but
   * the blocks (over output channels and taps) are as large as the whole batch allows.
   */
  static void backwardWeight(ConvGeometry g, float[] x, float[] gy, float[] gw) {
    int depth = g.cIn() * g.kh() * g.kw();
    int count = g.n() * g.outH() * g.outW();
    if (count == 0) {
      Arrays.fill(gw, 0, g.cOut() * depth, 0f);
      return;
    }
    PaddedImage[] images = PaddedImage.ofEach(g, x, 0, g.n());
    float[] packedGy = VectorGemm.pack(VectorGemm.panels(g.cOut(), VectorGemm.MR), VectorGemm.MR,
        count, gradientRows(g, gy));
    VectorGemm.multiply(g.cOut(), depth, count, packedGy, columnsTransposed(g, images), gw, 0,
        false);
  }

  /**
   * Packs the GEMM A operand {@code [gy_0 ... gy_N-1]} ({@code cOut x N P}) in panels of MR
   * output channels: row o is channel o of every image in turn.
   */
  private static VectorGemm.PanelPacker gradientRows(ConvGeometry g, float[] gy) {
    int mr = VectorGemm.MR;
    int positions = g.outH() * g.outW();
    return (panel, p0, kc, dst, at) -> {
      for (int r = 0; r < Math.min(mr, g.cOut() - panel * mr); r++) {
        int o = panel * mr + r;
        // runs of one image's row o, with no division per element
        for (int p = p0; p < p0 + kc; ) {
          int image = p / positions;
          int row = (image * g.cOut() + o) * positions; // gy[image][o]
          for (int pos = p - image * positions; pos < positions && p < p0 + kc; pos++, p++) {
            dst[at + (p - p0) * mr + r] = gy[row + pos];
          }
        }
      }
    };
  }

  /**
   * The weights of the transposed convolution, {@code wt[c][o][p][q] = w[o][c][kh-1-p][kw-1-q]},
   * packed straight into GEMM panels of {@code width} input channels (no flipped copy first: for
   * ResNet-18's 512-channel layer that copy, one scattered pass on one thread, took a fifth of
   * the backward time).
   */
  private static VectorGemm.PanelPacker flippedTransposed(ConvGeometry g, float[] w, int width) {
    int taps = g.kh() * g.kw();
    return (panel, p0, kc, dst, at) -> {
      int rows = Math.min(width, g.cIn() - panel * width);
      // col = (o, p, q) of wt's rows c = panel width + r; its weights are w[o][c] at tap
      // (kh-1-p, kw-1-q), which runs backwards through w[o][c]'s taps as col runs forwards.
      // For one o, the panel's weights w[o][c..c+width) are width x taps consecutive floats: so
      // o, then the tap, then r reads one small window at a time and writes dst in order.
      for (int col = p0; col < p0 + kc; ) {
        int o = col / taps;
        int last = (o * g.cIn() + panel * width) * taps + taps - 1; // w[o][c][taps - 1]
        int tapEnd = Math.min(taps, p0 + kc - o * taps);
        for (int tap = col - o * taps; tap < tapEnd; tap++, col++) {
          int src = last - tap;
          int d = at + (col - p0) * width;
          if (rows == VectorGemm.MR) { // the common A panel, unrolled: a loop of 4 cost 3x
            dst[d] = w[src];
            dst[d + 1] = w[src + taps];
            dst[d + 2] = w[src + 2 * taps];
            dst[d + 3] = w[src + 3 * taps];
          } else {
            for (int r = 0; r < rows; r++) {
              dst[d + r] = w[src + r * taps];
            }
          }
        }
      }
    };
  }

  /**
   * Packs the GEMM B operand {@code cols} ({@code K x P}) in panels of NR output positions. Row
   * (c, p, q) of a panel holds NR values at fixed offsets ({@code start}) from the tap's point of
   * the padded image: a run of LANES positions in one output row with stride 1 is one vector copy.
   */
  private static VectorGemm.PanelPacker columns(ConvGeometry g, PaddedImage img) {
    int nr = VectorGemm.NR;
    int positions = g.outH() * g.outW();
    int[] start = starts(g, img.paddedW());
    int[] taps = taps(g, img);
    boolean[] contiguous = new boolean[VectorGemm.panels(positions, nr) * nr / LANES];
    for (int v = 0; v < contiguous.length; v++) {
      int first = v * LANES;
      contiguous[v] = first + LANES <= positions
          && start[first + LANES - 1] - start[first] == LANES - 1;
    }
    float[] src = img.data();
    return (panel, p0, kc, dst, at) -> {
      for (int v = 0; v < nr / LANES; v++) {
        int pos = panel * nr + v * LANES;
        int column = at + v * LANES;
        if (contiguous[pos / LANES]) { // the common case: one vector per row, nothing else
          int offset = start[pos];
          for (int r = p0; r < p0 + kc; r++) {
            FloatVector.fromArray(S, src, taps[r] + offset)
                .intoArray(dst, column + (r - p0) * nr);
          }
        } else if (pos + LANES <= positions) { // strided or across a row end: one gather
          for (int r = p0; r < p0 + kc; r++) {
            FloatVector.fromArray(S, src, taps[r], start, pos)
                .intoArray(dst, column + (r - p0) * nr);
          }
        } else {
          for (int lane = 0; lane < Math.min(LANES, positions - pos); lane++) {
            int offset = start[pos + lane];
            for (int r = p0; r < p0 + kc; r++) {
              dst[column + (r - p0) * nr + lane] = src[taps[r] + offset];
            }
          }
        }
      }
    };
  }

  /**
   * Packs the GEMM B operand {@code [cols_0 ... cols_N-1]^T} ({@code N P x K}) in panels of NR
   * (c, p, q) columns: row {@code (n, pos)} of a panel gathers NR taps of image n at the same
   * offset {@code start[pos]}.
   */
  private static VectorGemm.PanelPacker columnsTransposed(ConvGeometry g, PaddedImage[] images) {
    int nr = VectorGemm.NR;
    int depth = g.cIn() * g.kh() * g.kw();
    int positions = g.outH() * g.outW();
    int[] start = starts(g, images[0].paddedW());
    int[] taps = relativeTaps(g, images[0]);
    return (panel, p0, kc, dst, at) -> {
      int first = panel * nr;
      if (first + nr <= depth) { // a whole panel: each row is NR / LANES gathers of its taps
        for (int row = p0; row < p0 + kc; ) {
          PaddedImage img = images[row / positions];
          float[] src = img.data();
          int pos = row % positions;
          int end = Math.min(positions, pos + p0 + kc - row);
          for (; pos < end; pos++, row++) {
            int window = img.base() + start[pos];
            for (int v = 0; v < nr; v += LANES) {
              FloatVector.fromArray(S, src, window, taps, first + v)
                  .intoArray(dst, at + (row - p0) * nr + v);
            }
          }
        }
        return;
      }
      for (int col = 0; col < depth - first; col++) {
        // column by column: reads run along image rows, writes stay in the L1-sized pass buffer
        for (int row = p0; row < p0 + kc; ) {
          PaddedImage img = images[row / positions];
          float[] src = img.data();
          int tap = img.base() + taps[first + col];
          int pos = row % positions;
          int end = Math.min(positions, pos + p0 + kc - row);
          for (; pos < end; pos++, row++) {
            dst[at + (row - p0) * nr + col] = src[tap + start[pos]];
          }
        }
      }
    };
  }

  /**
   * Where the window of each output position starts in a padded plane {@code paddedW} wide,
   * relative to a tap's point.
   */
  static int[] starts(ConvGeometry g, int paddedW) {
    int[] start = new int[g.outH() * g.outW()];
    for (int pos = 0; pos < start.length; pos++) {
      start[pos] = pos / g.outW() * g.strideH() * paddedW + pos % g.outW() * g.strideW();
    }
    return start;
  }

  /**
   * The point of each kernel tap (c, p, q) relative to the image's base: the same for every
   * image of a batch (they share one padded shape).
   */
  static int[] relativeTaps(ConvGeometry g, PaddedImage img) {
    int[] taps = taps(g, img);
    for (int r = 0; r < taps.length; r++) {
      taps[r] -= img.base();
    }
    return taps;
  }

  /** The point of each kernel tap (c, p, q), in row-major order. */
  private static int[] taps(ConvGeometry g, PaddedImage img) {
    int[] taps = new int[g.cIn() * g.kh() * g.kw()];
    int r = 0;
    for (int c = 0; c < g.cIn(); c++) {
      for (int p = 0; p < g.kh(); p++) {
        for (int q = 0; q < g.kw(); q++) {
          taps[r++] = img.tap(c, p, q);
        }
      }
    }
    return taps;
  }
}
